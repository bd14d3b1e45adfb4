using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Policy;

/// <summary>policy/v1 PodDisruptionBudget: how many of a set of pods voluntary disruptions may take at once.</summary>
public sealed class PodDisruptionBudget : KubeObject
{
    [Proto(2), EmitEmpty] public PodDisruptionBudgetSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public PodDisruptionBudgetStatus Status { get; set; } = new();
}

public sealed class PodDisruptionBudgetSpec
{
    [Proto(1)] public IntOrString? MinAvailable { get; set; }
    [Proto(2)] public LabelSelector? Selector { get; set; }
    [Proto(3)] public IntOrString? MaxUnavailable { get; set; }
    [Proto(4, Pointer = true)] public string? UnhealthyPodEvictionPolicy { get; set; }
}

/// <summary>The four counts are plain int32 without omitempty: a new budget shows them as 0.</summary>
public sealed class PodDisruptionBudgetStatus
{
    [Proto(1)] public long? ObservedGeneration { get; set; }
    [Proto(2)] public Dictionary<string, DateTimeOffset>? DisruptedPods { get; set; }
    [Proto(3), EmitEmpty] public int DisruptionsAllowed { get; set; }
    [Proto(4), EmitEmpty] public int CurrentHealthy { get; set; }
    [Proto(5), EmitEmpty] public int DesiredHealthy { get; set; }
    [Proto(6), EmitEmpty] public int ExpectedPods { get; set; }
    [Proto(7), PatchMergeKey("type")] public List<Condition>? Conditions { get; set; }
}
