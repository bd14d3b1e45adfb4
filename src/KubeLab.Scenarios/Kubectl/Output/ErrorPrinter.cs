using System.Text;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// How kubectl reports the error a command ends with (kubectl's <c>cmdutil.CheckErr</c>): all on
/// stderr, exit code 1. One error gets the full treatment (Invalid lists its causes); several,
/// as <c>get a nope1 nope2</c> collects them, print one standard line each.
/// </summary>
public static class ErrorPrinter
{
    public static KubectlOutput Failure(params KubectlError[] errors) => Failure((IReadOnlyList<KubectlError>)errors);

    public static KubectlOutput Failure(IReadOnlyList<KubectlError> errors, string stdout = "") =>
        KubectlOutput.Failure(Format(errors), stdout);

    /// <summary>The stderr text for the errors, ending with a newline (empty for none).</summary>
    public static string Format(IReadOnlyList<KubectlError> errors)
    {
        if (errors.Count == 0) return "";
        // Several errors are kubectl's MultipleErrors: a client error's text as it is, without "error: ".
        var text = errors.Count == 1
            ? Single(errors[0])
            : string.Concat(errors.Select(e => (e.Status is null ? e.Message : StandardMessage(e)) + "\n"));
        return text.EndsWith('\n') ? text : text + "\n";
    }

    /// <summary>
    /// kubectl's <c>StandardErrorMessage</c>: <c>Error from server (Reason): message</c>,
    /// <c>Error from server: message</c> without a reason, the login hint for Unauthorized, and
    /// <c>error: message</c> for the client's own errors.
    /// </summary>
    public static string StandardMessage(KubectlError error)
    {
        if (error.Status is not { } status)
        {
            var message = error.Message ?? "";
            return message.StartsWith("error: ", StringComparison.Ordinal) ? message : "error: " + message;
        }
        if (status.Reason == "Unauthorized") return $"error: You must be logged in to the server ({status.Message})";
        return string.IsNullOrEmpty(status.Reason)
            ? $"Error from server: {status.Message}"
            : $"Error from server ({status.Reason}): {status.Message}";
    }

    private static string Single(KubectlError error)
    {
        if (error.Status is { Reason: "Invalid" } status) return Invalid(status);
        return StandardMessage(error);
    }

    // `The Pod "x" is invalid: field: message`, or one `* field: message` line per distinct cause.
    private static string Invalid(Status status)
    {
        var details = status.Details;
        var summary = "The request is invalid";
        if (details is null)
            return string.IsNullOrEmpty(status.Message) ? summary : $"{summary}: {status.Message}";
        var causes = details.Causes ?? [];
        if (!string.IsNullOrEmpty(details.Kind) || !string.IsNullOrEmpty(details.Name))
            summary = $"The {details.Kind} {GoValue.Quote(details.Name ?? "")} is invalid";
        else if (!string.IsNullOrEmpty(status.Message) && causes.Count == 0)
            summary += ": " + status.Message;
        if (causes.Count == 0) return summary;

        var lines = causes.Select(c => $"{c.Field}: {c.Message}").Distinct().ToList();
        if (lines.Count == 1) return $"{summary}: {lines[0]}\n";
        var text = new StringBuilder(summary).Append(": \n");
        foreach (var line in lines) text.Append("* ").Append(line).Append('\n');
        return text.ToString();
    }
}
