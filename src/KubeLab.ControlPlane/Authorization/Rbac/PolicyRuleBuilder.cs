using KubeLab.ControlPlane.Api.Rbac;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// Builds PolicyRules as the bootstrap policy writes them (rbacv1helpers.NewRule): every list sorted.
/// <c>Rule("get").Groups("").Resources("pods")</c>, <c>Rule("get").Urls("/healthz")</c>.
/// </summary>
internal static class PolicyRuleBuilder
{
    public static PolicyRule Rule(params string[] verbs) => new() { Verbs = Sorted(verbs) };

    public static PolicyRule Groups(this PolicyRule rule, params string[] groups)
    {
        rule.ApiGroups = Sorted(groups);
        return rule;
    }

    public static PolicyRule Resources(this PolicyRule rule, params string[] resources)
    {
        rule.Resources = Sorted(resources);
        return rule;
    }

    public static PolicyRule Names(this PolicyRule rule, params string[] names)
    {
        rule.ResourceNames = Sorted(names);
        return rule;
    }

    public static PolicyRule Urls(this PolicyRule rule, params string[] urls)
    {
        rule.NonResourceURLs = Sorted(urls);
        return rule;
    }

    private static List<string> Sorted(string[] values) => values.Order(StringComparer.Ordinal).ToList();
}
