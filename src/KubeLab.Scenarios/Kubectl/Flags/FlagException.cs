namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>
/// A command line that pflag refuses (<c>unknown flag: --foo</c>). kubectl prints it as
/// <c>error: MESSAGE</c> and <c>See 'kubectl get --help' for usage.</c>, exit code 1.
/// </summary>
public sealed class FlagException(string message) : Exception(message);
