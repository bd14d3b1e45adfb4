using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Rbac;

/// <summary>Roles: RBAC names are path segments; each rule is checked as rbac/validation checks it.</summary>
public sealed class RoleStrategy : ResourceStrategy<Role>
{
    public override bool Namespaced => true;
    public override NameRules.Rule NameRule => NameRules.PathSegment;

    protected override IEnumerable<FieldError> Validate(Role role) =>
        (role.Rules ?? []).SelectMany((rule, i) => PolicyRules.Validate(rule, namespaced: true, $"rules[{i}]"));
}

public sealed class ClusterRoleStrategy : ResourceStrategy<ClusterRole>
{
    public override bool Namespaced => false;
    public override NameRules.Rule NameRule => NameRules.PathSegment;

    protected override IEnumerable<FieldError> Validate(ClusterRole role)
    {
        foreach (var error in (role.Rules ?? []).SelectMany((rule, i) => PolicyRules.Validate(rule, namespaced: false, $"rules[{i}]")))
            yield return error;
        if (role.AggregationRule is { } aggregation && (aggregation.ClusterRoleSelectors?.Count ?? 0) == 0)
            yield return FieldError.Required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil");
    }
}

/// <summary>The rule checks of k8s.io/kubernetes/pkg/apis/rbac/validation ValidatePolicyRule.</summary>
internal static class PolicyRules
{
    public static IEnumerable<FieldError> Validate(PolicyRule rule, bool namespaced, string path)
    {
        if ((rule.Verbs?.Count ?? 0) == 0)
            yield return FieldError.Required($"{path}.verbs", "verbs must contain at least one value");
        if ((rule.NonResourceURLs?.Count ?? 0) > 0)
        {
            if (namespaced)
                yield return FieldError.Invalid($"{path}.nonResourceURLs", GoSlice(rule.NonResourceURLs!), "namespaced rules cannot apply to non-resource URLs");
            else if ((rule.ApiGroups?.Count ?? 0) > 0 || (rule.Resources?.Count ?? 0) > 0 || (rule.ResourceNames?.Count ?? 0) > 0)
                yield return FieldError.Invalid($"{path}.nonResourceURLs", GoSlice(rule.NonResourceURLs!), "rules cannot apply to both regular resources and non-resource URLs");
            yield break;
        }
        if ((rule.ApiGroups?.Count ?? 0) == 0)
            yield return FieldError.Required($"{path}.apiGroups", "resource rules must supply at least one api group");
        if ((rule.Resources?.Count ?? 0) == 0)
            yield return FieldError.Required($"{path}.resources", "resource rules must supply at least one resource");
    }

    /// <summary>A []string as Go's %#v prints it in field errors.</summary>
    private static GoValue GoSlice(IEnumerable<string> values) =>
        new("[]string{" + string.Join(", ", values.Select(v => $"\"{v}\"")) + "}");
}

/// <summary>A value already formatted as Go prints it (a struct or a slice in a field error).</summary>
internal sealed record GoValue(string Text) : IFormattable
{
    public string ToString(string? format, IFormatProvider? provider) => Text;
    public override string ToString() => Text;
}
