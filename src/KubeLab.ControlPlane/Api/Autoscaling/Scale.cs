using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Autoscaling;

/// <summary>autoscaling/v1 Scale: the body of the <c>scale</c> subresource.</summary>
public sealed class Scale : KubeObject
{
    [Proto(2), EmitEmpty] public ScaleSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public ScaleStatus Status { get; set; } = new();
}

public sealed class ScaleSpec
{
    [Proto(1)] public int? Replicas { get; set; }
}

public sealed class ScaleStatus
{
    [Proto(1), EmitEmpty] public int Replicas { get; set; }
    [Proto(2)] public string? Selector { get; set; }
}
