using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Transcripts.Rendering;

/// <summary>
/// A transcript for a terminal: each step's narration, the command with what it printed, one line per
/// request (method, path, status) with the cluster's own requests counted apart, what changed, and the checks.
/// </summary>
public static partial class TranscriptText
{
    public static string Render(Transcript transcript, bool color = false)
    {
        var style = new Style(color);
        var text = new StringBuilder();
        text.AppendLine(style.Bold($"{transcript.Title} ({transcript.LessonId})")).AppendLine(transcript.Summary).AppendLine();
        foreach (var step in transcript.Steps)
        {
            text.AppendLine(style.Bold($"Step {step.Number}: {step.Title}"));
            foreach (var line in PlainText(step.NarrationHtml).Split('\n', StringSplitOptions.RemoveEmptyEntries)) text.AppendLine("  " + line);
            text.AppendLine().AppendLine(style.Dim("$ ") + step.Command);
            if (step.Stdout.Length > 0) text.Append(Indent(step.Stdout));
            if (step.Stderr.Length > 0) text.Append(style.Red(Indent(step.Stderr)));
            foreach (var exchange in step.Exchanges)
                text.AppendLine(style.Dim($"  → {exchange.Method} {exchange.Target}  {exchange.Status} {Reason(exchange.Status)}"));
            if (step.ClusterExchanges.Count > 0)
                text.AppendLine(style.Dim($"  ({step.ClusterExchanges.Count} request{(step.ClusterExchanges.Count == 1 ? "" : "s")} by the cluster's own components)"));
            foreach (var change in step.Changes)
                text.AppendLine(style.Dim($"  {change.Kind.ToString().ToLowerInvariant()} {change.Resource}/{(change.Namespace is null ? "" : change.Namespace + "/")}{change.Name}"));
            foreach (var check in step.Checks)
                text.AppendLine(check.Passed ? style.Green($"  ✓ {check.Description}") : style.Red($"  ✗ {check.Description}: {check.Detail}"));
            if (step.Error is { } error) text.AppendLine(style.Red($"  ✗ {error}"));
            text.AppendLine();
        }
        var failed = transcript.Steps.Count(s => !s.Passed);
        text.AppendLine(failed == 0 ? style.Green($"{transcript.Steps.Count} steps passed") : style.Red($"{failed} of {transcript.Steps.Count} steps failed"));
        return text.ToString();
    }

    public static string Reason(int status) => status switch
    {
        422 => "Unprocessable Entity",
        _ => Regex.Replace(((HttpStatusCode)status).ToString(), "(?<=[a-z])(?=[A-Z])", " "),
    };

    /// <summary>The narration's words without its markup, for a terminal.</summary>
    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html.Replace("</p>", "\n"), ""));

    /// <summary>Each printed line indented under its command; a last line without a newline gets one.</summary>
    private static string Indent(string output) =>
        string.Concat(output.TrimEnd('\n').Split('\n').Select(line => "  " + line + "\n"));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private sealed class Style(bool color)
    {
        public string Bold(string s) => color ? $"\u001b[1m{s}\u001b[0m" : s;
        public string Dim(string s) => color ? $"\u001b[2m{s}\u001b[0m" : s;
        public string Red(string s) => color ? $"\u001b[31m{s}\u001b[0m" : s;
        public string Green(string s) => color ? $"\u001b[32m{s}\u001b[0m" : s;
    }
}
