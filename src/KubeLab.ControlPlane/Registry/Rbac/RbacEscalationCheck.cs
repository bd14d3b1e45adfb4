using KubeLab.ControlPlane.Admission;
using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Authorization.Rbac;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry.Rbac;

/// <summary>
/// No privilege escalation through RBAC objects. kube-apiserver checks this in the RBAC storage
/// (registry/rbac/*/policybased) just before the generic store; KubeLab runs it beside the admission plugins so
/// the trace shows it. Writing a Role or ClusterRole needs the <c>escalate</c> verb on it or every one of its
/// rules; a binding needs <c>bind</c> on the role it names or every rule of that role. system:masters may do all.
/// </summary>
public sealed class RbacEscalationCheck(UnionAuthorizer authorizer, RbacAuthorizer rbac) : IAdmissionPlugin
{
    private const string Group = "rbac.authorization.k8s.io";

    public string Name => "RBAC escalation check";

    public string? Validate(AdmissionAttributes a)
    {
        if (a.Resource.Group != Group || a.Operation is not (AdmissionOperation.Create or AdmissionOperation.Update) || a.Object is null) return null;
        if (a.User.Groups.Contains("system:masters")) return $"{a.User.Name} is in system:masters, which may grant anything";
        var ns = a.Namespace ?? "";
        return a.Object switch
        {
            Role role => CheckRole(a, role.Rules, ns),
            ClusterRole role => CheckRole(a, role.Rules, ""),
            RoleBinding binding => CheckBinding(a, binding.RoleRef, ns),
            ClusterRoleBinding binding => CheckBinding(a, binding.RoleRef, ""),
            _ => null,
        };
    }

    private string CheckRole(AdmissionAttributes a, List<PolicyRule>? rules, string ns)
    {
        if (Allowed(a.User, "escalate", a.Resource.Plural, a.Name, ns))
            return $"{a.User.Name} may escalate {a.Resource.Plural} \"{a.Name}\"";
        Confirm(a, rules ?? [], ns);
        return $"{a.User.Name} already holds every rule of {a.Resource.Kind} \"{a.Name}\"";
    }

    private string CheckBinding(AdmissionAttributes a, RoleRef roleRef, string ns)
    {
        var roleResource = roleRef.Kind == "Role" ? "roles" : "clusterroles";
        if (roleRef.Kind is "Role" or "ClusterRole" && Allowed(a.User, "bind", roleResource, roleRef.Name, ns))
            return $"{a.User.Name} may bind {roleRef.Kind} \"{roleRef.Name}\"";
        var rules = rbac.RoleReferenceRules(roleRef, ns);
        if (rules.Error is not null)
            throw StatusErrors.NotFound(new GroupResource(Group, roleRef.Kind.ToLowerInvariant()), roleRef.Name);
        Confirm(a, rules.Rules!, ns);
        return $"{a.User.Name} already holds every rule of {roleRef.Kind} \"{roleRef.Name}\"";
    }

    private void Confirm(AdmissionAttributes a, IEnumerable<PolicyRule> rules, string ns)
    {
        if (Escalation.Check(a.User, rbac.RulesFor(a.User, ns), rules) is { } refusal)
            throw StatusErrors.Forbidden(a.Resource.GroupResource, a.Name, refusal);
    }

    private bool Allowed(UserInfo user, string verb, string resource, string name, string ns) =>
        authorizer.Authorize(new AuthorizationAttributes(user, verb)
        { IsResourceRequest = true, ApiGroup = Group, ApiVersion = "*", Resource = resource, Name = name, Namespace = ns }).Allowed;
}
