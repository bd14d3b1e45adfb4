using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// The RBAC authorizer: allows a request when some rule reached through a binding covers it, and says
/// which (<c>RBAC: allowed by RoleBinding "x/ns" of ClusterRole "view" to ServiceAccount "sa/ns"</c>).
/// Otherwise it has no opinion; its reason is empty unless a binding pointed at a missing role.
/// </summary>
public sealed class RbacAuthorizer(RuleResolver resolver) : IAuthorizer, IRuleResolver
{
    public string Name => "RBAC";

    public AuthorizationResult Authorize(AuthorizationAttributes attributes)
    {
        string? allowedBy = null;
        var errors = new List<string>();
        resolver.VisitRulesFor(attributes.User, attributes.Namespace, (source, rule, error) =>
        {
            if (rule is not null && RuleMatcher.Allows(rule, attributes))
            {
                allowedBy = source!.Description;
                return false;
            }
            if (error is not null) errors.Add(error);
            return true;
        });
        if (allowedBy is not null) return new AuthorizationResult(Decision.Allow, $"RBAC: allowed by {allowedBy}");
        return new AuthorizationResult(Decision.NoOpinion, errors.Count == 0 ? "" : "RBAC: " + Aggregate(errors));
    }

    public RuleSet RulesFor(UserInfo user, string ns) => resolver.RulesFor(user, ns);

    /// <summary>The rules of the role a binding names, or why there are none.</summary>
    public (IReadOnlyList<Api.Rbac.PolicyRule>? Rules, string? Error) RoleReferenceRules(Api.Rbac.RoleRef roleRef, string ns) => resolver.RoleRules(roleRef, ns);

    /// <summary>Several errors print as Go's utilerrors aggregate: <c>[a, b]</c>, duplicates once.</summary>
    public static string Aggregate(IReadOnlyList<string> errors)
    {
        var distinct = errors.Distinct().ToList();
        return errors.Count == 1 ? errors[0] : distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }
}
