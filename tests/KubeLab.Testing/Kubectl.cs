namespace KubeLab.Testing;

/// <summary>What one kubectl invocation did. Compare whole results so a failure shows all three parts.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Exit code 0, the given stdout, nothing on stderr.</summary>
    public static KubectlResult Success(string stdout) => new(0, stdout, "");

    /// <summary>Exit code 1 (kubectl's code for every error it reports), nothing on stdout.</summary>
    public static KubectlResult Failure(string stderr) => new(1, "", stderr);

    public override string ToString() =>
        $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}\n---";
}

/// <summary>
/// Runs the real kubectl against one simulator. Every call uses that simulator's
/// kubeconfig and a private discovery cache: kubectl caches discovery for 6 hours,
/// so a shared cache would hide what a fresh client sees.
/// </summary>
public sealed record Kubectl(string BinaryPath, string KubeconfigPath, string CacheDirectory, string HomeDirectory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string? WorkingDirectory { get; init; }

    public string? Stdin { get; init; }

    /// <summary>Variables set for the command (KUBE_EDITOR…).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Runs in <paramref name="directory"/>, so `-f pod.yaml` names appear in messages as given.</summary>
    public Kubectl In(string directory) => this with { WorkingDirectory = directory };

    public Kubectl WithStdin(string text) => this with { Stdin = text };

    /// <summary>Starts a kubectl that keeps running (<c>get -w</c>, <c>logs -f</c>); stop it with the session.</summary>
    public KubectlSession Start(params string[] args) =>
        KubectlSession.Start(BinaryPath, [$"--kubeconfig={KubeconfigPath}", $"--cache-dir={CacheDirectory}", .. args], HomeDirectory);

    public async Task<KubectlResult> RunAsync(params string[] args)
    {
        // Global flags go first so arguments after a `--` stay untouched.
        string[] arguments = [$"--kubeconfig={KubeconfigPath}", $"--cache-dir={CacheDirectory}", .. args];
        var environment = new Dictionary<string, string?>
        {
            // Keep the developer's ~/.kube (config, cache, kuberc) out of the test.
            ["HOME"] = HomeDirectory,
            ["KUBECONFIG"] = null,
            ["KUBECACHEDIR"] = null,
        };
        foreach (var (name, value) in Variables) environment[name] = value;
        var result = await ProcessRunner.RunAsync(
            BinaryPath, arguments, Timeout, Stdin, WorkingDirectory ?? HomeDirectory, environment);
        return new KubectlResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
