using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Rbac;

/// <summary>Grants a Role (or a ClusterRole, within this namespace) to subjects.</summary>
public sealed class RoleBinding : KubeObject
{
    [Proto(2)] public List<Subject>? Subjects { get; set; }
    [Proto(3), EmitEmpty] public RoleRef RoleRef { get; set; } = new();
}

/// <summary>Grants a ClusterRole to subjects in every namespace and at the cluster scope.</summary>
public sealed class ClusterRoleBinding : KubeObject
{
    [Proto(2)] public List<Subject>? Subjects { get; set; }
    [Proto(3), EmitEmpty] public RoleRef RoleRef { get; set; } = new();
}

/// <summary>A User, a Group or a ServiceAccount.</summary>
public sealed class Subject
{
    [Proto(1), EmitEmpty] public string Kind { get; set; } = "";
    [Proto(2)] public string? ApiGroup { get; set; }
    [Proto(3), EmitEmpty] public string Name { get; set; } = "";
    [Proto(4)] public string? Namespace { get; set; }
}

public sealed class RoleRef
{
    [Proto(1), EmitEmpty] public string ApiGroup { get; set; } = "";
    [Proto(2), EmitEmpty] public string Kind { get; set; } = "";
    [Proto(3), EmitEmpty] public string Name { get; set; } = "";
}
