using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Commands.Auth;

/// <summary>One policy rule as kubectl's rbac utilities handle it.</summary>
internal sealed record AccessRule(List<string> Verbs, List<string> ApiGroups, List<string> Resources, List<string> ResourceNames, List<string> NonResourceUrls)
{
    /// <summary>The generated <c>PolicyRule.String()</c>, which kubectl sorts the rules by.</summary>
    public override string ToString() =>
        $"&PolicyRule{{Verbs:{List(Verbs)},APIGroups:{List(ApiGroups)},Resources:{List(Resources)},ResourceNames:{List(ResourceNames)},NonResourceURLs:{List(NonResourceUrls)},}}";

    /// <summary>A row of <c>auth can-i --list</c>: describe.CombineResourceGroup, then the lists as Go's %v prints them.</summary>
    public string Row() => $"{CombineResourceGroup()}\t{List(NonResourceUrls)}\t{List(ResourceNames)}\t{List(Verbs)}";

    private string CombineResourceGroup()
    {
        if (Resources.Count == 0) return "";
        var parts = Resources[0].Split('/', 2);
        var combined = parts[0];
        if (ApiGroups.Count > 0 && ApiGroups[0].Length > 0) combined += "." + ApiGroups[0];
        if (parts.Length == 2) combined += "/" + parts[1];
        return combined;
    }

    private static string List(IEnumerable<string> values) => "[" + string.Join(' ', values) + "]";
}

/// <summary>kubectl's rbacutil: each rule broken down to one verb, resource and name, then simple rules merged and the lot sorted.</summary>
internal static class AccessRules
{
    public static List<AccessRule> Compact(JsonObject status)
    {
        var rules = new List<AccessRule>();
        foreach (var r in status["resourceRules"]?.AsArray().OfType<JsonObject>() ?? [])
            rules.Add(new AccessRule(Strings(r["verbs"]), Strings(r["apiGroups"]), Strings(r["resources"]), Strings(r["resourceNames"]), []));
        foreach (var r in status["nonResourceRules"]?.AsArray().OfType<JsonObject>() ?? [])
            rules.Add(new AccessRule(Strings(r["verbs"]), [], [], [], Strings(r["nonResourceURLs"])));

        var broken = rules.SelectMany(Breakdown).ToList();
        var compacted = new List<AccessRule>();
        var simple = new Dictionary<(string Group, string Resource, string? Name), AccessRule>();
        var order = new List<(string, string, string?)>();
        foreach (var rule in broken)
        {
            if (rule.NonResourceUrls.Count > 0 || rule.ApiGroups.Count != 1 || rule.Resources.Count != 1 || rule.ResourceNames.Count > 1)
            {
                compacted.Add(rule);
                continue;
            }
            var key = (rule.ApiGroups[0], rule.Resources[0], rule.ResourceNames.FirstOrDefault());
            if (simple.TryGetValue(key, out var existing))
            {
                foreach (var verb in rule.Verbs) if (!existing.Verbs.Contains(verb)) existing.Verbs.Add(verb);
            }
            else
            {
                simple[key] = rule with { Verbs = [.. rule.Verbs] };
                order.Add(key);
            }
        }
        compacted.AddRange(order.Select(k => simple[k]));
        return compacted.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<AccessRule> Breakdown(AccessRule rule)
    {
        foreach (var group in rule.ApiGroups)
        foreach (var resource in rule.Resources)
        foreach (var verb in rule.Verbs)
        {
            if (rule.ResourceNames.Count > 0)
                foreach (var name in rule.ResourceNames) yield return new AccessRule([verb], [group], [resource], [name], []);
            else yield return new AccessRule([verb], [group], [resource], [], []);
        }
        foreach (var url in rule.NonResourceUrls)
        foreach (var verb in rule.Verbs)
            yield return new AccessRule([verb], [], [], [], [url]);
    }

    private static List<string> Strings(JsonNode? node) => node?.AsArray().Select(n => (string?)n ?? "").ToList() ?? [];
}
