using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// RBAC's escalation rule (rbac/validation ConfirmNoEscalation with component-helpers' Covers): a user may
/// only grant permissions they already hold. Each requested rule is broken down into single
/// verb/group/resource/name (or verb/path) rules; those no rule of the user covers are reported, compacted
/// and sorted, in the words of the real refusal.
/// </summary>
public static class Escalation
{
    /// <summary>Null if <paramref name="owner"/>'s rules cover <paramref name="requested"/>; otherwise the refusal text.</summary>
    public static string? Check(UserInfo owner, RuleSet ownerRules, IEnumerable<PolicyRule> requested)
    {
        var missing = requested.SelectMany(Breakdown).Where(rule => !ownerRules.Rules.Any(o => Covers(o, rule))).ToList();
        if (missing.Count == 0) return null;
        var descriptions = Compact(missing).Select(CompactString).Distinct().Order(StringComparer.Ordinal);
        var message = $"user \"{owner.Name}\" (groups={GoStrings(owner.Groups)}) is attempting to grant RBAC permissions not currently held:\n{string.Join("\n", descriptions)}";
        if (ownerRules.Errors.Count > 0) message += $"; resolution errors: [{RbacAuthorizer.Aggregate(ownerRules.Errors)}]";
        return message;
    }

    public static IEnumerable<PolicyRule> Breakdown(PolicyRule rule)
    {
        foreach (var group in rule.ApiGroups ?? [])
            foreach (var resource in rule.Resources ?? [])
                foreach (var verb in rule.Verbs ?? [])
                    if ((rule.ResourceNames?.Count ?? 0) > 0)
                        foreach (var name in rule.ResourceNames!)
                            yield return new PolicyRule { ApiGroups = [group], Resources = [resource], Verbs = [verb], ResourceNames = [name] };
                    else yield return new PolicyRule { ApiGroups = [group], Resources = [resource], Verbs = [verb] };
        foreach (var url in rule.NonResourceURLs ?? [])
            foreach (var verb in rule.Verbs ?? [])
                yield return new PolicyRule { NonResourceURLs = [url], Verbs = [verb] };
    }

    /// <summary>Whether <paramref name="owner"/> grants everything <paramref name="requested"/> asks for.</summary>
    public static bool Covers(PolicyRule owner, PolicyRule requested)
    {
        var ownerVerbs = owner.Verbs ?? [];
        if (!(requested.Verbs ?? []).All(v => ownerVerbs.Contains("*") || ownerVerbs.Contains(v))) return false;
        var ownerGroups = owner.ApiGroups ?? [];
        if (!(requested.ApiGroups ?? []).All(g => ownerGroups.Contains("*") || ownerGroups.Contains(g))) return false;
        var ownerResources = owner.Resources ?? [];
        if (!ownerResources.Contains("*") && !(requested.Resources ?? []).All(r =>
                ownerResources.Contains(r) || (r.Contains('/') && ownerResources.Contains("*/" + r[(r.IndexOf('/') + 1)..]))))
            return false;
        var ownerUrls = owner.NonResourceURLs ?? [];
        if (!(requested.NonResourceURLs ?? []).All(url => ownerUrls.Any(o =>
                o == "*" || o == url || (o.EndsWith('*') && url.StartsWith(o.TrimEnd('*'), StringComparison.Ordinal)))))
            return false;
        var ownerNames = owner.ResourceNames ?? [];
        return ownerNames.Count == 0 || ((requested.ResourceNames?.Count ?? 0) > 0 && requested.ResourceNames!.All(ownerNames.Contains));
    }

    /// <summary>Rules for one group, resource and (at most one) name are merged, their verbs appended in order.</summary>
    private static List<PolicyRule> Compact(List<PolicyRule> rules)
    {
        var compacted = new List<PolicyRule>();
        var simple = new Dictionary<(string, string, string?), PolicyRule>();
        foreach (var rule in rules)
        {
            var isSimple = (rule.NonResourceURLs?.Count ?? 0) == 0 && (rule.ResourceNames?.Count ?? 0) <= 1
                           && rule.ApiGroups?.Count == 1 && rule.Resources?.Count == 1;
            if (!isSimple)
            {
                compacted.Add(rule);
                continue;
            }
            var key = (rule.ApiGroups![0], rule.Resources![0], rule.ResourceNames?.FirstOrDefault());
            if (simple.TryGetValue(key, out var existing)) existing.Verbs = [.. existing.Verbs ?? [], .. rule.Verbs ?? []];
            else simple[key] = new PolicyRule { ApiGroups = rule.ApiGroups, Resources = rule.Resources, ResourceNames = rule.ResourceNames, Verbs = [.. rule.Verbs ?? []] };
        }
        compacted.AddRange(simple.Values);
        return compacted;
    }

    /// <summary>rbacv1helpers.CompactString: <c>{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}</c>.</summary>
    public static string CompactString(PolicyRule rule)
    {
        var parts = new List<string>();
        if ((rule.ApiGroups?.Count ?? 0) > 0) parts.Add($"APIGroups:{GoStrings(rule.ApiGroups!)}");
        if ((rule.Resources?.Count ?? 0) > 0) parts.Add($"Resources:{GoStrings(rule.Resources!)}");
        if ((rule.NonResourceURLs?.Count ?? 0) > 0) parts.Add($"NonResourceURLs:{GoStrings(rule.NonResourceURLs!)}");
        if ((rule.ResourceNames?.Count ?? 0) > 0) parts.Add($"ResourceNames:{GoStrings(rule.ResourceNames!)}");
        if ((rule.Verbs?.Count ?? 0) > 0) parts.Add($"Verbs:{GoStrings(rule.Verbs!)}");
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>A []string as Go's %q prints it: <c>["a" "b"]</c>.</summary>
    private static string GoStrings(IEnumerable<string> values) =>
        "[" + string.Join(" ", values.Select(v => "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
}
