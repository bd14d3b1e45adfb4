using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

/// <summary>metav1.Condition, the status condition newer kinds use (PodDisruptionBudget…).</summary>
public sealed class Condition
{
    [Proto(1), EmitEmpty] public string Type { get; set; } = "";
    [Proto(2), EmitEmpty] public string Status { get; set; } = "";
    [Proto(3)] public long? ObservedGeneration { get; set; }
    [Proto(4), EmitEmpty] public DateTimeOffset? LastTransitionTime { get; set; }
    [Proto(5), EmitEmpty] public string Reason { get; set; } = "";
    [Proto(6), EmitEmpty] public string Message { get; set; } = "";
}
