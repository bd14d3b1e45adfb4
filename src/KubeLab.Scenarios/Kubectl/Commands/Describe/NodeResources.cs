using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>describeNodeResource: each pod's requests and limits as shares of what the node can give, then the totals.</summary>
internal static class NodeResources
{
    public static void Describe(PrefixWriter w, IReadOnlyList<JsonObject> pods, JsonObject nodeStatus, DateTimeOffset now)
    {
        w.Write(0, $"Non-terminated Pods:\t({pods.Count} in total)\n");
        w.Write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
        w.Write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
        var allocatable = PodResources.List(Obj(nodeStatus["allocatable"]) is { Count: > 0 } a ? a : nodeStatus["capacity"]);
        var cpu = Get(allocatable, "cpu").MilliValue();
        var memory = Get(allocatable, "memory").Value();
        var totalRequests = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
        var totalLimits = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var (requests, limits) = PodResources.Of(pod);
            PodResources.Add(totalRequests, requests);
            PodResources.Add(totalLimits, limits);
            var metadata = Obj(pod["metadata"]);
            w.Write(1, $"{S(metadata["namespace"])}\t{S(metadata["name"])}\t\t" +
                $"{Share(Get(requests, "cpu"), q => q.MilliValue(), cpu)}\t{Share(Get(limits, "cpu"), q => q.MilliValue(), cpu)}\t" +
                $"{Share(Get(requests, "memory"), q => q.Value(), memory)}\t{Share(Get(limits, "memory"), q => q.Value(), memory)}\t" +
                $"{Since(S(metadata["creationTimestamp"]), now)}\n");
        }
        w.Write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
        w.Write(1, "Resource\tRequests\tLimits\n");
        w.Write(1, "--------\t--------\t------\n");
        foreach (var (resource, milli) in new[] { ("cpu", true), ("memory", false), ("ephemeral-storage", false) })
        {
            Func<GoQuantity, long> value = milli ? q => q.MilliValue() : q => q.Value();
            var capacity = value(Get(allocatable, resource));
            w.Write(1, $"{resource}\t{TotalShare(Get(totalRequests, resource), value, capacity)}\t{TotalShare(Get(totalLimits, resource), value, capacity)}\n");
        }
        foreach (var hugePages in allocatable.Keys.Where(k => k.StartsWith("hugepages-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var capacity = Get(allocatable, hugePages).Value();
            w.Write(1, $"{hugePages}\t{TotalShare(Get(totalRequests, hugePages), q => q.Value(), capacity)}\t{TotalShare(Get(totalLimits, hugePages), q => q.Value(), capacity)}\n");
        }
        foreach (var extended in allocatable.Keys.Where(IsExtended).Order(StringComparer.Ordinal))
            w.Write(1, $"{extended}\t{Get(totalRequests, extended)}\t{Get(totalLimits, extended)}\n");
    }

    private static GoQuantity Get(IReadOnlyDictionary<string, GoQuantity> list, string name) => list.GetValueOrDefault(name, GoQuantity.Zero);

    /// <summary>A pod's amount and its share of the node (Go divides as floats, so a node without the resource gives NaN).</summary>
    private static string Share(GoQuantity quantity, Func<GoQuantity, long> value, long capacity) =>
        $"{quantity} ({Percent((double)value(quantity) / capacity * 100)}%)";

    /// <summary>A total's share: zero when the node has none of the resource.</summary>
    private static string TotalShare(GoQuantity quantity, Func<GoQuantity, long> value, long capacity) =>
        $"{quantity} ({(capacity == 0 ? 0 : Percent((double)value(quantity) / capacity * 100))}%)";

    /// <summary>Go's <c>int64(f)</c> on amd64: truncation, and the minimum int64 for what does not fit (NaN, infinities).</summary>
    private static long Percent(double fraction) =>
        double.IsNaN(fraction) || double.IsInfinity(fraction) || Math.Abs(fraction) >= 9.2e18 ? long.MinValue : (long)fraction;

    /// <summary>Neither a standard container resource (cpu, memory, ephemeral-storage, hugepages-*) nor the pod count.</summary>
    private static bool IsExtended(string name) =>
        name is not ("cpu" or "memory" or "ephemeral-storage" or "pods") && !name.StartsWith("hugepages-", StringComparison.Ordinal);
}
