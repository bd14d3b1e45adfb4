using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

/// <summary>core/v1 Binding: what a scheduler POSTs to <c>pods/{name}/binding</c> to put a pod on a node.</summary>
public sealed class Binding : KubeObject
{
    [Proto(2), EmitEmpty] public ObjectReference Target { get; set; } = new();
}
