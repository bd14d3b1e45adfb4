using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.Scheduler;

/// <summary>
/// The filter plugins that matter on a small cluster, with the reasons they give (NodeUnschedulable,
/// TaintToleration, NodeAffinity for nodeSelector, NodeResourcesFit for cpu and memory requests).
/// Resolvable reasons (resources) could be fixed by preemption; the others could not.
/// </summary>
public static class NodeFit
{
    public sealed record Reason(string Text, bool Resolvable);

    /// <summary>The reasons of the first filter that rejects the node, in the default plugin order; empty if it fits.</summary>
    public static List<Reason> Check(Pod pod, Node node, IEnumerable<Pod> podsOnNode)
    {
        var reasons = new List<Reason>();
        if (node.Spec.Unschedulable == true && !Tolerates(pod, "node.kubernetes.io/unschedulable", "", "NoSchedule"))
            return [new("node(s) were unschedulable", false)];
        if (node.Spec.Taints?.FirstOrDefault(t => t.Effect is "NoSchedule" or "NoExecute" && !Tolerates(pod, t.Key, t.Value ?? "", t.Effect)) is { } taint)
            return [new($"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}", false)];
        if (pod.Spec.NodeSelector is { Count: > 0 } selector &&
            !selector.All(kv => node.Metadata.Labels?.TryGetValue(kv.Key, out var value) == true && value == kv.Value))
            return [new("node(s) didn't match Pod's node affinity/selector", false)];

        var placed = podsOnNode.ToList();
        foreach (var resource in new[] { "cpu", "memory" })
        {
            var wanted = ResourceQuantity.Request(pod.Spec, resource);
            if (wanted == 0) continue;
            var allocatable = node.Status.Allocatable?.TryGetValue(resource, out var q) == true ? ResourceQuantity.Milli(q) : 0;
            var used = placed.Sum(p => ResourceQuantity.Request(p.Spec, resource));
            if (used + wanted > allocatable) reasons.Add(new($"Insufficient {resource}", true));
        }
        if (node.Status.Allocatable?.TryGetValue("pods", out var podsQuantity) == true && placed.Count + 1 > ResourceQuantity.Milli(podsQuantity) / 1000)
            reasons.Add(new("Too many pods", true));
        return reasons;
    }

    private static bool Tolerates(Pod pod, string key, string value, string effect) =>
        pod.Spec.Tolerations?.Any(t =>
            (string.IsNullOrEmpty(t.Effect) || t.Effect == effect) &&
            (t.Operator == "Exists" ? string.IsNullOrEmpty(t.Key) || t.Key == key : t.Key == key && (t.Value ?? "") == value)) == true;

    /// <summary>The FitError text: counted reasons sorted, then what preemption concluded.</summary>
    public static string Message(int nodes, IReadOnlyList<List<Reason>> perNode)
    {
        static string Histogram(IEnumerable<string> reasons) =>
            string.Join(", ", reasons.GroupBy(r => r).Select(g => $"{g.Count()} {g.Key}").OrderBy(s => s, StringComparer.Ordinal));
        var filter = Histogram(perNode.SelectMany(r => r.Select(x => x.Text)));
        var preemption = Histogram(perNode.Select(r => r.All(x => x.Resolvable) ? "No preemption victims found for incoming pod" : "Preemption is not helpful for scheduling"));
        return $"0/{nodes} nodes are available: {filter}. preemption: 0/{nodes} nodes are available: {preemption}.";
    }
}
