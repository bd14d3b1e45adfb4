namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>What one kubectl invocation leaves behind: its stdout, its stderr and its exit code.</summary>
public sealed record KubectlOutput(string Stdout, string Stderr, int ExitCode)
{
    public static KubectlOutput Success(string stdout, string stderr = "") => new(stdout, stderr, 0);

    /// <summary>Exit code 1: kubectl's code for every error it reports.</summary>
    public static KubectlOutput Failure(string stderr, string stdout = "") => new(stdout, stderr, 1);

    /// <summary>Appends another command stage's output (e.g. the lines printed before an error).</summary>
    public KubectlOutput Then(KubectlOutput next) =>
        new(Stdout + next.Stdout, Stderr + next.Stderr, next.ExitCode != 0 ? next.ExitCode : ExitCode);
}
