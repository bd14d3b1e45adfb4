using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.ClusterView;
using KubeLab.Site.Exchanges;

namespace KubeLab.Site.Lessons;

/// <summary>
/// Everything the player shows at one point of a lesson: the step's transcript (null before the first step),
/// its exchanges ready to render — the step's own, and apart from them those of the cluster's components —
/// the cluster as the step left it, and what the step did to each object it touched.
/// </summary>
/// <param name="Passed">For each step run so far, in order: whether it went as the lesson expects.</param>
public sealed record StepView(
    StepTranscript? Step,
    IReadOnlyList<bool> Passed,
    IReadOnlyList<ExchangeView> Exchanges,
    IReadOnlyList<ExchangeView> ClusterExchanges,
    ClusterPicture Cluster,
    IReadOnlyList<ObjectDiff> Diff)
{
    /// <summary>How many steps have run: 0 at the start, the lesson's step count at the end.</summary>
    public int Position => Passed.Count;

    public static StepView Of(IReadOnlyList<StepTranscript> ran, ClusterSnapshot before, ClusterSnapshot after, ResourceCatalog catalog)
    {
        var step = ran.Count == 0 ? null : ran[^1];
        var changes = step?.Changes ?? [];
        return new StepView(
            step,
            ran.Select(s => s.Passed).ToList(),
            step?.Exchanges.Select(e => ExchangeView.From(e, catalog)).ToList() ?? [],
            step?.ClusterExchanges.Select(e => ExchangeView.From(e, catalog)).ToList() ?? [],
            ClusterPicture.Of(after, before, changes),
            ObjectDiff.Of(changes, before, after));
    }
}
