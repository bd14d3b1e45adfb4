namespace KubeLab.Scenarios.Transcripts;

/// <summary>
/// The one product of a lesson run: per step, what the learner read, typed and saw, every exchange it
/// caused, how the cluster changed, and whether the checks held. The site, the CLI and the exporters
/// only render it. Runs of the same lesson produce equal transcripts.
/// </summary>
public sealed record Transcript(string LessonId, string Title, string Summary, IReadOnlyList<StepTranscript> Steps)
{
    public bool Passed => Steps.All(s => s.Passed);
}

/// <param name="Narration">The step's narration as the author wrote it (Markdown); <paramref name="NarrationHtml"/> is it rendered.</param>
/// <param name="Command">What the learner typed or did, as a terminal would show it.</param>
/// <param name="Exchanges">The requests the step's own client sent, in order.</param>
/// <param name="ClusterExchanges">Requests the cluster's controllers and kubelet made meanwhile.</param>
public sealed record StepTranscript(
    int Number,
    string Title,
    string Narration,
    string NarrationHtml,
    string Command,
    string Stdout,
    string Stderr,
    int? ExitCode,
    IReadOnlyList<ExchangeRecord> Exchanges,
    IReadOnlyList<ExchangeRecord> ClusterExchanges,
    IReadOnlyList<ObjectChange> Changes,
    IReadOnlyList<CheckResult> Checks,
    string? Error)
{
    public bool Passed => Error is null && Checks.All(c => c.Passed);
}

/// <param name="Description">What was checked, in the author's terms (<c>stdout equals "pod/nginx created"</c>).</param>
/// <param name="Detail">Why it failed (what was found instead); null when it passed.</param>
public sealed record CheckResult(string Description, bool Passed, string? Detail);

public enum ChangeKind { Added, Modified, Deleted }

/// <summary>An object the step created, changed or removed, with its resourceVersion before and after.</summary>
public sealed record ObjectChange(ChangeKind Kind, string Resource, string? Namespace, string Name, string? Before, string? After);
