using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Apps;

public sealed class Deployment : KubeObject
{
    [Proto(2), EmitEmpty] public DeploymentSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public DeploymentStatus Status { get; set; } = new();
}

public sealed class DeploymentSpec
{
    [Proto(1, Pointer = true)] public int? Replicas { get; set; }
    [Proto(2)] public LabelSelector? Selector { get; set; }
    [Proto(3), EmitEmpty] public PodTemplateSpec Template { get; set; } = new();
    [Proto(4), EmitEmpty] public DeploymentStrategy Strategy { get; set; } = new();
    [Proto(5)] public int? MinReadySeconds { get; set; }
    [Proto(6, Pointer = true)] public int? RevisionHistoryLimit { get; set; }
    [Proto(7)] public bool? Paused { get; set; }
    [Proto(9, Pointer = true)] public int? ProgressDeadlineSeconds { get; set; }
}

public sealed class DeploymentStrategy
{
    [Proto(1)] public string? Type { get; set; }
    [Proto(2)] public RollingUpdateDeployment? RollingUpdate { get; set; }
}

public sealed class RollingUpdateDeployment
{
    [Proto(1)] public IntOrString? MaxUnavailable { get; set; }
    [Proto(2)] public IntOrString? MaxSurge { get; set; }
}

public sealed class DeploymentStatus
{
    [Proto(1)] public long? ObservedGeneration { get; set; }
    [Proto(2)] public int? Replicas { get; set; }
    [Proto(3)] public int? UpdatedReplicas { get; set; }
    [Proto(7)] public int? ReadyReplicas { get; set; }
    [Proto(4)] public int? AvailableReplicas { get; set; }
    [Proto(5)] public int? UnavailableReplicas { get; set; }
    [Proto(9, Pointer = true)] public int? TerminatingReplicas { get; set; }
    [Proto(6, Message = "DeploymentCondition"), PatchMergeKey("type")] public List<WorkloadCondition>? Conditions { get; set; }
    [Proto(8, Pointer = true)] public int? CollisionCount { get; set; }
}

/// <summary>DeploymentCondition and ReplicaSetCondition share this shape.</summary>
public sealed class WorkloadCondition
{
    [Proto(1)] public string Type { get; set; } = "";
    [Proto(2)] public string Status { get; set; } = "";
    [Proto(6)] public DateTimeOffset? LastUpdateTime { get; set; }
    [Proto(7), ProtoIn("ReplicaSetCondition", 3), EmitEmpty] public DateTimeOffset? LastTransitionTime { get; set; }
    [Proto(4)] public string? Reason { get; set; }
    [Proto(5)] public string? Message { get; set; }
}

public sealed class ReplicaSet : KubeObject
{
    [Proto(2), EmitEmpty] public ReplicaSetSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public ReplicaSetStatus Status { get; set; } = new();
}

public sealed class ReplicaSetSpec
{
    [Proto(1, Pointer = true)] public int? Replicas { get; set; }
    [Proto(4)] public int? MinReadySeconds { get; set; }
    [Proto(2)] public LabelSelector? Selector { get; set; }
    [Proto(3), EmitEmpty] public PodTemplateSpec Template { get; set; } = new();
}

public sealed class ReplicaSetStatus
{
    [Proto(1), EmitEmpty] public int Replicas { get; set; }
    [Proto(2)] public int? FullyLabeledReplicas { get; set; }
    [Proto(4)] public int? ReadyReplicas { get; set; }
    [Proto(5)] public int? AvailableReplicas { get; set; }
    [Proto(7, Pointer = true)] public int? TerminatingReplicas { get; set; }
    [Proto(3)] public long? ObservedGeneration { get; set; }
    [Proto(6, Message = "ReplicaSetCondition"), PatchMergeKey("type")] public List<WorkloadCondition>? Conditions { get; set; }
}
