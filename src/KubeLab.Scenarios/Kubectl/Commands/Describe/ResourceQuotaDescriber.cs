using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's ResourceQuotaDescriber (describeQuota), and the quota section of a namespace (DescribeResourceQuotas).</summary>
internal sealed class ResourceQuotaDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var quota = await context.GetAsync($"/api/v1/namespaces/{ns}/resourcequotas/{name}", "describe.go:669");
        var w = new PrefixWriter();
        var metadata = Obj(quota["metadata"]);
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        Scopes(w, quota, level: 0, helpPrefix: " * ");
        w.Write(0, "Resource\tUsed\tHard\n");
        w.Write(0, "--------\t----\t----\n");
        var used = Obj(quota["status"]?["used"]);
        foreach (var (resource, hardNode) in Obj(quota["status"]?["hard"]).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var hard = GoQuantity.Of(hardNode);
            var usedQuantity = GoQuantity.Of(used[resource]);
            // A used amount written in another format is shown in the hard one's (a missing one is zero).
            if (!used.ContainsKey(resource) || usedQuantity.Format != hard.Format) usedQuantity = new GoQuantity(usedQuantity.Value(), 0, hard.Format);
            w.Write(0, $"{resource}\t{usedQuantity}\t{hard}\n");
        }
        return w.ToString();
    }

    /// <summary>The quotas of a namespace, by name, each with its used and hard amounts.</summary>
    public static void DescribeAll(PrefixWriter w, IReadOnlyList<JsonObject> quotas)
    {
        if (quotas.Count == 0)
        {
            w.Write(0, "No resource quota.\n");
            return;
        }
        w.Write(0, "Resource Quotas\n");
        foreach (var quota in quotas.OrderBy(q => S(q["metadata"]?["name"]), StringComparer.Ordinal))
        {
            w.Write(1, $"Name:\t{S(quota["metadata"]?["name"])}\n");
            Scopes(w, quota, level: 1, helpPrefix: "* ");
            w.Write(1, "Resource\tUsed\tHard\n");
            w.Write(1, "--------\t---\t---\n");
            var used = Obj(quota["status"]?["used"]);
            foreach (var (resource, hard) in Obj(quota["status"]?["hard"]).OrderBy(h => h.Key, StringComparer.Ordinal))
                w.Write(1, $"{resource}\t{GoQuantity.Of(used[resource])}\t{GoQuantity.Of(hard)}\n");
        }
    }

    private static void Scopes(PrefixWriter w, JsonObject quota, int level, string helpPrefix)
    {
        var scopes = Strings(quota["spec"]?["scopes"]).Order(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0) return;
        w.Write(level, $"Scopes:\t{string.Join(", ", scopes)}\n");
        foreach (var scope in scopes)
            if (HelpText(scope) is { } help) w.Write(level, helpPrefix + help + "\n");
    }

    private static string? HelpText(string scope) => scope switch
    {
        "Terminating" => "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
        "NotTerminating" => "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
        "BestEffort" => "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
        "NotBestEffort" => "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
        _ => null,
    };
}
