using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's LimitRangeDescriber, and the limit section of a namespace (DescribeLimitRanges): one row per type and resource.</summary>
internal sealed class LimitRangeDescriber : IDescriber
{
    private const string Header = "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n";
    private const string Rule = "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n";

    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var limitRange = await context.GetAsync($"/api/v1/namespaces/{ns}/limitranges/{name}", "describe.go:642");
        var w = new PrefixWriter();
        var metadata = Obj(limitRange["metadata"]);
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        w.Write(0, Header);
        w.Write(0, Rule);
        Rows(w, limitRange, "");
        return w.ToString();
    }

    public static void DescribeAll(PrefixWriter w, IReadOnlyList<JsonObject> limitRanges)
    {
        if (limitRanges.Count == 0)
        {
            w.Write(0, "No LimitRange resource.\n");
            return;
        }
        w.Write(0, "Resource Limits\n " + Header);
        w.Write(0, " " + Rule);
        foreach (var limitRange in limitRanges) Rows(w, limitRange, " ");
    }

    /// <summary>describeLimitRangeSpec: "-" where a limit does not set a value.</summary>
    private static void Rows(PrefixWriter w, JsonObject limitRange, string prefix)
    {
        foreach (var item in Objects(limitRange["spec"]?["limits"]))
        {
            var lists = new[] { "min", "max", "defaultRequest", "default", "maxLimitRequestRatio" }.Select(key => Obj(item[key])).ToList();
            // Go ranges over a set (a map): sorted is one of the orders it can print.
            var resources = lists.SelectMany(l => l.Select(kv => kv.Key)).Distinct().Order(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                var cells = lists.Select(l => l[resource] is { } q ? GoQuantity.Of(q).ToString() : "-");
                w.Write(0, $"{prefix}{S(item["type"])}\t{resource}\t{string.Join('\t', cells)}\n");
            }
        }
    }
}
