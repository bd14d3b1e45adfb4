using KubeLab.Testing;

namespace KubeLab.Site.Tests.Browser;

/// <summary>axe-core's script, located (or downloaded from npm) once per run by scripts/axe-core.sh, as developers get it.</summary>
internal static class AxeCore
{
    private static readonly Lazy<Task<string>> Located = new(LocateAsync);

    public static Task<string> PathAsync() => Located.Value;

    private static async Task<string> LocateAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "axe-core.sh");
        var result = await ProcessRunner.RunAsync("bash", [script], TimeSpan.FromMinutes(2));
        var path = result.Stdout.Trim();
        if (result.ExitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"scripts/axe-core.sh could not provide axe-core (exit code {result.ExitCode}):\n{result.Stderr}");
        return path;
    }
}
