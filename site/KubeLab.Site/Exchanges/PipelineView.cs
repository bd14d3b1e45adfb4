using KubeLab.ControlPlane.Http;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Site.Exchanges;

/// <summary>How far a request got through the stages, and which one decided it.</summary>
public enum StageState
{
    /// <summary>The stage let the request through.</summary>
    Passed,
    /// <summary>The last stage of a request that succeeded: where the answer came from.</summary>
    Answered,
    /// <summary>The stage refused the request (401 at authentication, 403 at authorization, 409 at storage…).</summary>
    Refused,
    /// <summary>A refusal earlier on stopped the request before this stage.</summary>
    NotReached,
    /// <summary>The request has nothing to do here (a read skips admission; discovery never reaches storage).</summary>
    NotInvolved,
}

/// <param name="Decision">The deciding entry's decision and component, e.g. <c>allowed by RBAC</c>; null when the stage left no entry.</param>
public sealed record StageView(TraceStage Stage, StageState State, string? Decision, IReadOnlyList<TraceEntry> Entries)
{
    /// <summary>The stage as the page names it (<c>Flow control</c> is APF, kube-apiserver's priority and fairness).</summary>
    public string Name => Stage == TraceStage.FlowControl ? "Flow control" : Stage.ToString();
}

/// <summary>
/// The pipeline picture of one exchange, read from its trace: authentication → (impersonation) → (flow control)
/// → authorization → admission → storage. Impersonation and flow control are drawn only where they acted: flow
/// control leaves an entry only when a cluster's bounds refuse the request (a 429). A stage that refused is the one whose entry says so (rejected, denied); a refusal that
/// left no such entry (a 404 or 409 from the registry, a 422 from validation) is placed at the stage after the
/// last one that let the request through.
/// </summary>
public static class PipelineViews
{
    private static readonly string[] Refusals = ["rejected", "denied"];

    /// <summary>The order of kube-apiserver's handler chain.</summary>
    private static readonly TraceStage[] Order =
        [TraceStage.Authentication, TraceStage.Impersonation, TraceStage.FlowControl, TraceStage.Authorization, TraceStage.Admission, TraceStage.Storage];

    public static IReadOnlyList<StageView> Of(ExchangeRecord exchange)
    {
        var entries = exchange.Trace.ToLookup(e => e.Stage);
        var stages = Involved(exchange, entries);
        var failed = exchange.Status >= 400;
        var decider = failed ? Refuser(exchange, entries, stages) : stages.Where(entries.Contains).Cast<TraceStage?>().LastOrDefault();

        var views = new List<StageView>();
        var after = false;
        foreach (var stage in Order)
        {
            if (stage is TraceStage.Impersonation or TraceStage.FlowControl && !stages.Contains(stage)) continue;
            var own = entries[stage].ToList();
            StageState state;
            if (stage == decider) state = failed ? StageState.Refused : StageState.Answered;
            else if (!stages.Contains(stage)) state = StageState.NotInvolved;
            else if (after) state = failed ? StageState.NotReached : StageState.NotInvolved;
            else state = StageState.Passed;
            if (stage == decider) after = true;
            var refused = state == StageState.Refused;
            views.Add(new StageView(stage, state, Summary(refused ? own.LastOrDefault(IsRefusal) ?? own.LastOrDefault() : own.LastOrDefault(), refused), own));
        }
        return views;
    }

    /// <summary>The stages a request of this kind goes through: writes to resources are admitted; only resources are stored.</summary>
    private static List<TraceStage> Involved(ExchangeRecord exchange, ILookup<TraceStage, TraceEntry> entries)
    {
        var stages = new List<TraceStage> { TraceStage.Authentication };
        if (entries.Contains(TraceStage.Impersonation)) stages.Add(TraceStage.Impersonation);
        if (entries.Contains(TraceStage.FlowControl)) stages.Add(TraceStage.FlowControl);
        stages.Add(TraceStage.Authorization);
        if (!RequestInfo.Resolve(exchange.Method, exchange.Path, null).IsResourceRequest) return stages;
        if (exchange.Method is "POST" or "PUT" or "PATCH" or "DELETE") stages.Add(TraceStage.Admission);
        stages.Add(TraceStage.Storage);
        return stages;
    }

    private static TraceStage? Refuser(ExchangeRecord exchange, ILookup<TraceStage, TraceEntry> entries, List<TraceStage> stages)
    {
        if (exchange.Status == 401) return TraceStage.Authentication;
        if (exchange.Trace.LastOrDefault(IsRefusal) is { } refusal) return refusal.Stage;
        var reached = stages.FindLastIndex(s => entries.Contains(s));
        return reached + 1 < stages.Count ? stages[reached + 1] : stages[^1];
    }

    private static bool IsRefusal(TraceEntry entry) => Refusals.Contains(entry.Decision);

    /// <summary>
    /// <c>allowed by RBAC</c>, <c>create /registry/pods/default/nginx</c>; storage says why it refused
    /// (<c>refused: key exists (create /registry/pods/default/nginx)</c>), since its decision names only the operation.
    /// </summary>
    private static string? Summary(TraceEntry? entry, bool refused) => entry switch
    {
        null => null,
        { Stage: TraceStage.Storage, EtcdKey: { } key } => refused ? $"{entry.Detail} ({entry.Decision} {key})" : $"{entry.Decision} {key}",
        _ => $"{entry.Decision} by {entry.Component}",
    };
}
