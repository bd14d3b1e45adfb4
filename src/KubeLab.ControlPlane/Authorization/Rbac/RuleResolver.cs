using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Authentication;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// Walks the bindings that apply to a user (rbac/validation DefaultRuleResolver.VisitRulesFor): every
/// ClusterRoleBinding, then the RoleBindings of the request's namespace, reading the store directly as
/// the real authorizer reads its informer caches. A binding whose role is missing is an error, not a rule.
/// </summary>
public sealed class RuleResolver(VersionedStore store)
{
    /// <summary>Where a rule came from, worded as the RBAC authorizer words it in its reasons.</summary>
    public sealed record RuleSource(string Description);

    /// <summary>Calls <paramref name="visit"/> with each rule (or error) in order; stops when it returns false.</summary>
    public void VisitRulesFor(UserInfo user, string ns, Func<RuleSource?, PolicyRule?, string?, bool> visit)
    {
        foreach (var stored in store.List("clusterrolebindings").Items)
        {
            var binding = (ClusterRoleBinding)stored.Object;
            if (AppliesTo(user, binding.Subjects, "") is not { } subject) continue;
            var (rules, error) = RoleRules(binding.RoleRef, "");
            if (error is not null)
            {
                if (!visit(null, null, error)) return;
                continue;
            }
            var source = new RuleSource($"ClusterRoleBinding \"{binding.Metadata.Name}\" of {binding.RoleRef.Kind} \"{binding.RoleRef.Name}\" to {Describe(subject, "")}");
            foreach (var rule in rules!)
                if (!visit(source, rule, null)) return;
        }
        if (ns.Length == 0) return;
        foreach (var stored in store.List("rolebindings", ns + "/").Items)
        {
            var binding = (RoleBinding)stored.Object;
            if (AppliesTo(user, binding.Subjects, ns) is not { } subject) continue;
            var (rules, error) = RoleRules(binding.RoleRef, ns);
            if (error is not null)
            {
                if (!visit(null, null, error)) return;
                continue;
            }
            var source = new RuleSource($"RoleBinding \"{binding.Metadata.Name}/{ns}\" of {binding.RoleRef.Kind} \"{binding.RoleRef.Name}\" to {Describe(subject, ns)}");
            foreach (var rule in rules!)
                if (!visit(source, rule, null)) return;
        }
    }

    public RuleSet RulesFor(UserInfo user, string ns)
    {
        var rules = new List<PolicyRule>();
        var errors = new List<string>();
        VisitRulesFor(user, ns, (_, rule, error) =>
        {
            if (rule is not null) rules.Add(rule);
            if (error is not null) errors.Add(error);
            return true;
        });
        return new RuleSet(rules, errors);
    }

    public (IReadOnlyList<PolicyRule>? Rules, string? Error) RoleRules(RoleRef roleRef, string ns) => roleRef.Kind switch
    {
        "Role" => store.Get("roles", $"{ns}/{roleRef.Name}")?.Object is Role role
            ? (role.Rules ?? [], null)
            : (null, $"role.rbac.authorization.k8s.io \"{roleRef.Name}\" not found"),
        "ClusterRole" => store.Get("clusterroles", roleRef.Name)?.Object is ClusterRole clusterRole
            ? (clusterRole.Rules ?? [], null)
            : (null, $"clusterrole.rbac.authorization.k8s.io \"{roleRef.Name}\" not found"),
        _ => (null, $"unsupported role reference kind: \"{roleRef.Kind}\""),
    };

    private static Subject? AppliesTo(UserInfo user, List<Subject>? subjects, string ns) =>
        subjects?.FirstOrDefault(subject => subject.Kind switch
        {
            "User" => user.Name == subject.Name,
            "Group" => user.Groups.Contains(subject.Name),
            "ServiceAccount" => (string.IsNullOrEmpty(subject.Namespace) ? ns : subject.Namespace) is { Length: > 0 } saNamespace
                                && user.Name == ServiceAccountNames.Username(saNamespace, subject.Name),
            _ => false,
        });

    private static string Describe(Subject subject, string bindingNamespace) => subject.Kind == "ServiceAccount"
        ? $"ServiceAccount \"{subject.Name}/{(string.IsNullOrEmpty(subject.Namespace) ? bindingNamespace : subject.Namespace)}\""
        : $"{subject.Kind} \"{subject.Name}\"";
}
