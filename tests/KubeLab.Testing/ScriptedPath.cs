namespace KubeLab.Testing;

/// <summary>
/// A file a project script under scripts/ provides — finding it, or downloading it the first time — and prints
/// the path of: located once per test run, so tests and developers use the same copy.
/// </summary>
/// <param name="What">What the file is, for the error message (<c>kubectl v1.33</c>).</param>
/// <param name="Remedy">What a developer can do when the script fails.</param>
public sealed class ScriptedPath(string script, string what, string remedy, TimeSpan limit)
{
    private readonly Lazy<Task<string>> _located = new(() => LocateAsync(script, what, remedy, limit));

    public Task<string> GetAsync() => _located.Value;

    private static async Task<string> LocateAsync(string script, string what, string remedy, TimeSpan limit)
    {
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "scripts", script)], limit);
        var path = result.Stdout.Trim();
        if (result.ExitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"scripts/{script} could not provide {what} (exit code {result.ExitCode}). {remedy}\n{result.Stderr}");
        return path;
    }
}
