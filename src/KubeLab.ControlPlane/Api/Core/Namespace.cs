using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class Namespace : KubeObject
{
    [Proto(2), EmitEmpty] public NamespaceSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public NamespaceStatus Status { get; set; } = new();
}

public sealed class NamespaceSpec
{
    [Proto(1)] public List<string>? Finalizers { get; set; }
}

public sealed class NamespaceStatus
{
    [Proto(1)] public string? Phase { get; set; }
    [Proto(2), PatchMergeKey("type")] public List<NamespaceCondition>? Conditions { get; set; }
}

public sealed class NamespaceCondition
{
    [Proto(1)] public string Type { get; set; } = "";
    [Proto(2)] public string Status { get; set; } = "";
    [Proto(4), EmitEmpty] public DateTimeOffset? LastTransitionTime { get; set; }
    [Proto(5)] public string? Reason { get; set; }
    [Proto(6)] public string? Message { get; set; }
}
