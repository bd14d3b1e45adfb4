using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Rbac;

/// <summary>RoleBindings: defaults and validation of roleRef and subjects; the roleRef never changes.</summary>
public sealed class RoleBindingStrategy : ResourceStrategy<RoleBinding>
{
    public override bool Namespaced => true;
    public override NameRules.Rule NameRule => NameRules.PathSegment;

    protected override void ApplyDefaults(RoleBinding binding) => Bindings.Default(binding.RoleRef, binding.Subjects);

    protected override IEnumerable<FieldError> Validate(RoleBinding binding) =>
        Bindings.Validate(binding.RoleRef, binding.Subjects, ["Role", "ClusterRole"], namespaced: true);

    protected override IEnumerable<FieldError> ValidateUpdate(RoleBinding binding, RoleBinding old) =>
        Bindings.ValidateUpdate(binding.RoleRef, old.RoleRef);
}

public sealed class ClusterRoleBindingStrategy : ResourceStrategy<ClusterRoleBinding>
{
    public override bool Namespaced => false;
    public override NameRules.Rule NameRule => NameRules.PathSegment;

    protected override void ApplyDefaults(ClusterRoleBinding binding) => Bindings.Default(binding.RoleRef, binding.Subjects);

    protected override IEnumerable<FieldError> Validate(ClusterRoleBinding binding) =>
        Bindings.Validate(binding.RoleRef, binding.Subjects, ["ClusterRole"], namespaced: false);

    protected override IEnumerable<FieldError> ValidateUpdate(ClusterRoleBinding binding, ClusterRoleBinding old) =>
        Bindings.ValidateUpdate(binding.RoleRef, old.RoleRef);
}

/// <summary>rbac/v1 defaults and rbac/validation checks shared by both binding kinds.</summary>
internal static class Bindings
{
    public const string Group = "rbac.authorization.k8s.io";

    public static void Default(RoleRef roleRef, List<Subject>? subjects)
    {
        if (roleRef.ApiGroup.Length == 0) roleRef.ApiGroup = Group;
        foreach (var subject in subjects ?? [])
            if (string.IsNullOrEmpty(subject.ApiGroup) && subject.Kind is "User" or "Group") subject.ApiGroup = Group;
    }

    public static IEnumerable<FieldError> Validate(RoleRef roleRef, List<Subject>? subjects, string[] roleKinds, bool namespaced)
    {
        if (roleRef.ApiGroup != Group) yield return FieldError.NotSupported("roleRef.apiGroup", roleRef.ApiGroup, [Group]);
        if (!roleKinds.Contains(roleRef.Kind)) yield return FieldError.NotSupported("roleRef.kind", roleRef.Kind, roleKinds);
        if (roleRef.Name.Length == 0) yield return FieldError.Required("roleRef.name");
        else foreach (var message in NameRules.PathSegment(roleRef.Name)) yield return FieldError.Invalid("roleRef.name", roleRef.Name, message);
        for (var i = 0; i < (subjects?.Count ?? 0); i++)
            foreach (var error in ValidateSubject(subjects![i], namespaced, $"subjects[{i}]")) yield return error;
    }

    public static IEnumerable<FieldError> ValidateUpdate(RoleRef roleRef, RoleRef old)
    {
        if (roleRef.ApiGroup != old.ApiGroup || roleRef.Kind != old.Kind || roleRef.Name != old.Name)
            yield return FieldError.Invalid("roleRef",
                new GoValue($"rbac.RoleRef{{APIGroup:\"{roleRef.ApiGroup}\", Kind:\"{roleRef.Kind}\", Name:\"{roleRef.Name}\"}}"), "cannot change roleRef");
    }

    private static IEnumerable<FieldError> ValidateSubject(Subject subject, bool namespaced, string path)
    {
        if (subject.Name.Length == 0) yield return FieldError.Required($"{path}.name");
        switch (subject.Kind)
        {
            case "ServiceAccount":
                if (subject.Name.Length > 0)
                    foreach (var message in NameRules.Dns1123Subdomain(subject.Name)) yield return FieldError.Invalid($"{path}.name", subject.Name, message);
                if (!string.IsNullOrEmpty(subject.ApiGroup)) yield return FieldError.NotSupported($"{path}.apiGroup", subject.ApiGroup, [""]);
                if (!namespaced && string.IsNullOrEmpty(subject.Namespace)) yield return FieldError.Required($"{path}.namespace");
                break;
            case "User" or "Group":
                if (subject.ApiGroup != Group) yield return FieldError.NotSupported($"{path}.apiGroup", subject.ApiGroup, [Group]);
                break;
            default:
                yield return FieldError.NotSupported($"{path}.kind", subject.Kind, ["ServiceAccount", "User", "Group"]);
                break;
        }
    }
}
