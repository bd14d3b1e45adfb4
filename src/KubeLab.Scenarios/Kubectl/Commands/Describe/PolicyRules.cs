using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>An RBAC rule as kubectl's describer handles it.</summary>
internal sealed record PolicyRule(List<string> Verbs, List<string> ApiGroups, List<string> Resources, List<string> ResourceNames, List<string> NonResourceUrls)
{
    public static PolicyRule Of(JsonObject rule) =>
        new([.. Strings(rule["verbs"])], [.. Strings(rule["apiGroups"])], [.. Strings(rule["resources"])], [.. Strings(rule["resourceNames"])],
            [.. Strings(rule["nonResourceURLs"])]);

    /// <summary>The generated protobuf <c>String()</c>, which kubectl sorts rules by.</summary>
    public override string ToString() =>
        $"&PolicyRule{{Verbs:{GoSlice(Verbs)},APIGroups:{GoSlice(ApiGroups)},Resources:{GoSlice(Resources)},ResourceNames:{GoSlice(ResourceNames)},NonResourceURLs:{GoSlice(NonResourceUrls)},}}";
}

/// <summary>kubectl's <c>util/rbac</c>: rules broken down to one verb, resource and name each, then compacted back by resource.</summary>
internal static class PolicyRules
{
    /// <summary>What describe lists for a role's rules: broken down, compacted, sorted by their text.</summary>
    public static List<PolicyRule> Compacted(IEnumerable<JsonObject> rules)
    {
        var compacted = new List<PolicyRule>();
        var simple = new Dictionary<(string Group, string Resource, bool Named, string Name), PolicyRule>();
        var simpleOrder = new List<PolicyRule>();
        foreach (var rule in rules.Select(PolicyRule.Of).SelectMany(Breakdown))
        {
            // A rule of one group, one resource and at most one name gathers the verbs of its likes.
            if (rule.ResourceNames.Count > 1 || rule.NonResourceUrls.Count > 0 || rule.ApiGroups.Count != 1 || rule.Resources.Count != 1)
            {
                compacted.Add(rule);
                continue;
            }
            var key = (rule.ApiGroups[0], rule.Resources[0], rule.ResourceNames.Count > 0, rule.ResourceNames.FirstOrDefault() ?? "");
            if (simple.TryGetValue(key, out var existing))
            {
                foreach (var verb in rule.Verbs)
                    if (!existing.Verbs.Contains(verb)) existing.Verbs.Add(verb);
            }
            else
            {
                var copy = rule with { Verbs = [.. rule.Verbs] };
                simple[key] = copy;
                simpleOrder.Add(copy);
            }
        }
        compacted.AddRange(simpleOrder);
        return [.. compacted.OrderBy(r => r.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>BreakdownRule: one rule per group, resource, verb (and name); then one per non-resource URL and verb.</summary>
    private static IEnumerable<PolicyRule> Breakdown(PolicyRule rule)
    {
        foreach (var group in rule.ApiGroups)
            foreach (var resource in rule.Resources)
                foreach (var verb in rule.Verbs)
                {
                    if (rule.ResourceNames.Count == 0) yield return new([verb], [group], [resource], [], []);
                    else
                        foreach (var name in rule.ResourceNames) yield return new([verb], [group], [resource], [name], []);
                }
        foreach (var url in rule.NonResourceUrls)
            foreach (var verb in rule.Verbs)
                yield return new([verb], [], [], [], [url]);
    }

    /// <summary>CombineResourceGroup: <c>deployments.apps</c>, <c>pods/log</c>, <c>deployments.apps/scale</c>.</summary>
    public static string ResourceColumn(PolicyRule rule)
    {
        if (rule.Resources.Count == 0) return "";
        var parts = rule.Resources[0].Split('/', 2);
        var text = parts[0];
        if (rule.ApiGroups.Count > 0 && rule.ApiGroups[0].Length > 0) text += "." + rule.ApiGroups[0];
        if (parts.Length == 2) text += "/" + parts[1];
        return text;
    }
}
