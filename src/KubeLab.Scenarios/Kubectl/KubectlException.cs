using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl;

/// <summary>
/// Ends a command with an error, printed as kubectl's <c>cmdutil.CheckErr</c> prints it (exit code 1): one
/// or more <see cref="KubectlError"/>s, or a text kubectl writes as it is (<c>Error in configuration: …</c>).
/// </summary>
internal sealed class KubectlException : Exception
{
    public KubectlException(params KubectlError[] errors) : base(ErrorPrinter.Format(errors)) => Errors = errors;

    private KubectlException(string text, int exitCode) : base(text)
    {
        Errors = [];
        Text = text;
        ExitCode = exitCode;
    }

    public IReadOnlyList<KubectlError> Errors { get; }

    /// <summary>Printed as is on stderr, when set.</summary>
    public string? Text { get; }

    public int ExitCode { get; } = 1;

    /// <summary>A client-side error: <c>error: MESSAGE</c>.</summary>
    public static KubectlException Client(string message) => new(KubectlError.Client(message));

    /// <summary>A whole stderr text of kubectl's own (it ends with a newline).</summary>
    public static KubectlException Raw(string text, int exitCode = 1) => new(text, exitCode);

    public string Stderr => Text ?? ErrorPrinter.Format(Errors);
}
