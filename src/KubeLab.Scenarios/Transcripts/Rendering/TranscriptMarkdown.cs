using System.Text;
using KubeLab.Scenarios.Http;
using static KubeLab.Scenarios.Transcripts.Rendering.MarkdownSyntax;

namespace KubeLab.Scenarios.Transcripts.Rendering;

/// <summary>
/// A transcript as one Markdown document to read or publish: per step the narration as the author wrote it,
/// the command with what it printed, each request and response of the step's client as HTTP/1.1 text with
/// the pipeline's trace, the cluster components' own requests listed apart, what changed, and the checks.
/// </summary>
public static class TranscriptMarkdown
{
    public static string Render(Transcript transcript)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Text(transcript.Title)).Append("\n\n").Append(Text(transcript.Summary)).Append("\n\n");
        var failed = transcript.Steps.Count(s => !s.Passed);
        md.Append($"Lesson {Code(transcript.LessonId)}: {Count(transcript.Steps.Count, "step")}, ")
            .Append(failed == 0 ? "all passed" : $"{failed} failed").Append(".\n\n");
        md.Append("HTTP messages are shown as they cross the wire, except that their lines end in LF here where the wire has CRLF.\n\n");
        foreach (var step in transcript.Steps) Step(md, step);
        return md.ToString();
    }

    private static void Step(StringBuilder md, StepTranscript step)
    {
        md.Append($"## Step {step.Number}: ").Append(Text(step.Title)).Append("\n\n");
        md.Append(Block(step.Narration)).Append('\n');
        md.Append(Fence($"$ {step.Command}\n{step.Stdout}", "console")).Append('\n');
        if (step.Stderr.Length > 0) md.Append("Standard error:\n\n").Append(Fence(step.Stderr, "text")).Append('\n');
        if (step.ExitCode is { } exit and not 0) md.Append($"Exit code {exit}.\n\n");
        if (step.Error is { } error) md.Append("**The step failed:** ").Append(Text(error)).Append("\n\n");

        if (step.Exchanges.Count > 0) md.Append("### Requests\n\n");
        for (var i = 0; i < step.Exchanges.Count; i++) Exchange(md, i + 1, step.Exchanges[i]);
        if (step.ClusterExchanges.Count > 0) ClusterExchanges(md, step.ClusterExchanges);
        if (step.Changes.Count > 0)
        {
            md.Append("### Changes\n\n");
            foreach (var change in step.Changes) md.Append("- ").Append(Change(change)).Append('\n');
            md.Append('\n');
        }
        if (step.Checks.Count > 0)
        {
            md.Append("### Checks\n\n");
            foreach (var check in step.Checks)
                md.Append(check.Passed ? "- ✓ " : "- ✗ ").Append(Text(check.Description))
                    .Append(check.Detail is { } detail ? ": " + Text(detail) : "").Append('\n');
            md.Append('\n');
        }
    }

    private static void Exchange(StringBuilder md, int number, ExchangeRecord exchange)
    {
        md.Append($"#### {number}. ").Append(Code($"{exchange.Method} {exchange.Target}")).Append(" → ").Append(Status(exchange.Status)).Append("\n\n");
        md.Append("By ").Append(Code(exchange.User));
        if (exchange.Groups.Count > 0) md.Append(" in ").Append(string.Join(", ", exchange.Groups.Select(Code)));
        md.Append(".\n\n");
        var wire = WireExchange.From(exchange);
        md.Append(Fence(Lf(HttpText.Request(wire)), "http")).Append('\n');
        if (HttpText.Response(wire) is { } response) md.Append(Fence(Lf(response), "http")).Append('\n');
        if (exchange.Trace.Count == 0) return;
        md.Append("Trace:\n\n");
        foreach (var entry in exchange.Trace)
        {
            md.Append($"- {entry.Stage.ToString().ToLowerInvariant()}, ").Append(Text(entry.Component)).Append(": **").Append(Text(entry.Decision)).Append("**");
            if (entry.Detail.Length > 0) md.Append(" — ").Append(Text(entry.Detail));
            if (entry.EtcdKey is { } key) md.Append(" (").Append(Code(key)).Append(')');
            md.Append('\n');
        }
        md.Append('\n');
    }

    /// <summary>The controllers', scheduler's and kubelets' requests meanwhile: one row each, without their messages.</summary>
    private static void ClusterExchanges(StringBuilder md, IReadOnlyList<ExchangeRecord> exchanges)
    {
        md.Append("### Requests by the cluster's own components\n\n")
            .Append($"Meanwhile the controllers, the scheduler and the kubelets made {Count(exchanges.Count, "request")} of their own:\n\n")
            .Append("| request | status | user |\n|---|---|---|\n");
        foreach (var e in exchanges)
            md.Append("| ").Append(Cell(Code($"{e.Method} {e.Target}"))).Append(" | ").Append(Status(e.Status)).Append(" | ").Append(Cell(Code(e.User))).Append(" |\n");
        md.Append('\n');
    }

    private static string Change(ObjectChange change)
    {
        var name = Code($"{change.Resource}/{(change.Namespace is null ? "" : change.Namespace + "/")}{change.Name}");
        return change.Kind switch
        {
            ChangeKind.Added => $"added {name} (resourceVersion {change.After})",
            ChangeKind.Modified => $"modified {name} (resourceVersion {change.Before} → {change.After})",
            _ => $"deleted {name} (last resourceVersion {change.Before})",
        };
    }

    private static string Status(int status) => status == 0 ? "no response" : $"{status} {StatusPhrases.Of(status)}".TrimEnd();

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>A table cell: a pipe would end the cell even inside a code span, so it is escaped.</summary>
    private static string Cell(string markdown) => markdown.Replace("|", "\\|");

    private static string Lf(string http) => http.Replace("\r\n", "\n");
}
