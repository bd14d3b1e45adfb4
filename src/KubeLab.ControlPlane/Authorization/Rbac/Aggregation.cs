using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Registry.Selection;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// ClusterRole aggregation, as kube-controller-manager's clusterrole-aggregation controller computes it:
/// the rules of every other ClusterRole matching one of the selectors, taken in name order, each rule once.
/// KubeLab writes the result into the aggregated role (at bootstrap and then through the controller), so
/// the authorizer only ever reads stored rules, as the real one does.
/// </summary>
public static class Aggregation
{
    public static List<PolicyRule> RulesFor(ClusterRole aggregated, IEnumerable<ClusterRole> all)
    {
        var selectors = aggregated.AggregationRule?.ClusterRoleSelectors ?? [];
        var rules = new List<PolicyRule>();
        var seen = new HashSet<string>();
        foreach (var role in all.Where(r => r.Metadata.Name != aggregated.Metadata.Name)
                     .Where(r => selectors.Any(s => Matches(s, r.Metadata.Labels)))
                     .OrderBy(r => r.Metadata.Name, StringComparer.Ordinal))
            foreach (var rule in role.Rules ?? [])
                if (seen.Add(System.Text.Encoding.UTF8.GetString(KubeJson.Serialize(rule))))
                    rules.Add(rule);
        return rules;
    }

    /// <summary>
    /// Fills in every aggregated role of <paramref name="roles"/> until nothing changes, as repeated controller
    /// passes would: aggregated roles feed each other (view into edit, edit into admin).
    /// </summary>
    public static void Settle(IReadOnlyList<ClusterRole> roles)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var role in roles.Where(r => r.AggregationRule is not null))
            {
                var rules = RulesFor(role, roles);
                if (SameRules(rules, role.Rules)) continue;
                role.Rules = rules;
                changed = true;
            }
        }
    }

    public static bool SameRules(IReadOnlyList<PolicyRule>? a, IReadOnlyList<PolicyRule>? b) =>
        KubeJson.Serialize(a ?? []).AsSpan().SequenceEqual(KubeJson.Serialize(b ?? []));

    private static bool Matches(LabelSelector selector, Dictionary<string, string>? labels) =>
        LabelSelectorQuery.FromSelector(selector).Matches(labels);
}
