using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's <c>util/resource.PodRequestsAndLimits</c>: what a pod asks of its node. Containers add up; an init
/// container counts on its own (a sidecar, <c>restartPolicy: Always</c>, adds up as well); the larger wins; the pod's
/// overhead is added. A container whose status reports its resources counts the most of spec and status.
/// </summary>
internal static class PodResources
{
    public static (Dictionary<string, GoQuantity> Requests, Dictionary<string, GoQuantity> Limits) Of(JsonObject pod) => (Requests(pod), Limits(pod));

    private static Dictionary<string, GoQuantity> Requests(JsonObject pod)
    {
        var statuses = Objects(pod["status"]?["containerStatuses"]).Concat(Objects(pod["status"]?["initContainerStatuses"]))
            .GroupBy(s => S(s["name"])).ToDictionary(g => g.Key, g => g.Last());
        Dictionary<string, GoQuantity> RequestsOf(JsonObject container)
        {
            var requests = List(container["resources"]?["requests"]);
            if (!statuses.TryGetValue(S(container["name"]), out var status) || status["resources"] is not JsonObject reported) return requests;
            Max(requests, List(reported["requests"]));
            Max(requests, List(status["allocatedResources"]));
            return requests;
        }
        var reqs = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
        foreach (var container in Objects(pod["spec"]?["containers"])) Add(reqs, RequestsOf(container));
        Init(pod, reqs, RequestsOf);
        Add(reqs, List(pod["spec"]?["overhead"]));
        return reqs;
    }

    private static Dictionary<string, GoQuantity> Limits(JsonObject pod)
    {
        var limits = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
        foreach (var container in Objects(pod["spec"]?["containers"])) Add(limits, List(container["resources"]?["limits"]));
        Init(pod, limits, c => List(c["resources"]?["limits"]));
        // Overhead adds only to limits that are set.
        foreach (var (name, quantity) in List(pod["spec"]?["overhead"]))
            if (limits.TryGetValue(name, out var value) && !value.IsZero) limits[name] = value.Add(quantity);
        return limits;
    }

    /// <summary>Init containers: sidecars add to the total; each other one needs its own plus the sidecars before it; the largest need wins.</summary>
    private static void Init(JsonObject pod, Dictionary<string, GoQuantity> total, Func<JsonObject, Dictionary<string, GoQuantity>> of)
    {
        var sidecars = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
        var init = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
        foreach (var container in Objects(pod["spec"]?["initContainers"]))
        {
            var own = of(container);
            Dictionary<string, GoQuantity> need;
            if (S(container["restartPolicy"]) == "Always")
            {
                Add(total, own);
                Add(sidecars, own);
                need = sidecars;
            }
            else
            {
                need = new Dictionary<string, GoQuantity>(StringComparer.Ordinal);
                Add(need, own);
                Add(need, sidecars);
            }
            Max(init, need);
        }
        Max(total, init);
    }

    public static Dictionary<string, GoQuantity> List(JsonNode? list) =>
        (list as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => GoQuantity.Of(kv.Value), StringComparer.Ordinal);

    /// <summary>addResourceList: a name seen first is copied, later ones add to it (keeping its format).</summary>
    public static void Add(Dictionary<string, GoQuantity> list, IReadOnlyDictionary<string, GoQuantity> more)
    {
        foreach (var (name, quantity) in more) list[name] = list.TryGetValue(name, out var value) ? value.Add(quantity) : quantity;
    }

    private static void Max(Dictionary<string, GoQuantity> list, IReadOnlyDictionary<string, GoQuantity> other)
    {
        foreach (var (name, quantity) in other)
            if (!list.TryGetValue(name, out var value) || quantity.CompareTo(value) > 0) list[name] = quantity;
    }
}
