using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class PodTemplateSpec
{
    [Proto(1), EmitEmpty] public ObjectMeta Metadata { get; set; } = new();
    [Proto(2), EmitEmpty] public PodSpec Spec { get; set; } = new();
}
