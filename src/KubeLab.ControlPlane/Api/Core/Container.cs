using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class Container
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2)] public string? Image { get; set; }
    [Proto(3)] public List<string>? Command { get; set; }
    [Proto(4)] public List<string>? Args { get; set; }
    [Proto(5)] public string? WorkingDir { get; set; }
    [Proto(6), PatchMergeKey("containerPort")] public List<ContainerPort>? Ports { get; set; }
    [Proto(19, Message = "EnvFromSource")] public List<JsonObject>? EnvFrom { get; set; }
    [Proto(7), PatchMergeKey("name")] public List<EnvVar>? Env { get; set; }
    [Proto(8), EmitEmpty] public ResourceRequirements Resources { get; set; } = new();
    [Proto(23, Message = "ContainerResizePolicy")] public List<JsonObject>? ResizePolicy { get; set; }
    [Proto(24, Pointer = true)] public string? RestartPolicy { get; set; }
    [Proto(9), PatchMergeKey("mountPath")] public List<VolumeMount>? VolumeMounts { get; set; }
    [Proto(21, Message = "VolumeDevice"), PatchMergeKey("devicePath")] public List<JsonObject>? VolumeDevices { get; set; }
    [Proto(10, Message = "Probe")] public JsonObject? LivenessProbe { get; set; }
    [Proto(11, Message = "Probe")] public JsonObject? ReadinessProbe { get; set; }
    [Proto(22, Message = "Probe")] public JsonObject? StartupProbe { get; set; }
    [Proto(12, Message = "Lifecycle")] public JsonObject? Lifecycle { get; set; }
    [Proto(13)] public string? TerminationMessagePath { get; set; }
    [Proto(20)] public string? TerminationMessagePolicy { get; set; }
    [Proto(14)] public string? ImagePullPolicy { get; set; }
    [Proto(15, Message = "SecurityContext")] public JsonObject? SecurityContext { get; set; }
    [Proto(16)] public bool? Stdin { get; set; }
    [Proto(17)] public bool? StdinOnce { get; set; }
    [Proto(18), JsonPropertyName("tty")] public bool? Tty { get; set; }
}

public sealed class ContainerPort
{
    [Proto(1)] public string? Name { get; set; }
    [Proto(2)] public int? HostPort { get; set; }
    [Proto(3), EmitEmpty, JsonPropertyName("containerPort")] public int Number { get; set; }
    [Proto(4)] public string? Protocol { get; set; }
    [Proto(5), JsonPropertyName("hostIP")] public string? HostIp { get; set; }
}

public sealed class EnvVar
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2)] public string? Value { get; set; }
    [Proto(3, Message = "EnvVarSource")] public JsonObject? ValueFrom { get; set; }
}

public sealed class ResourceRequirements
{
    [Proto(1)] public Dictionary<string, Quantity>? Limits { get; set; }
    [Proto(2)] public Dictionary<string, Quantity>? Requests { get; set; }
    [Proto(3, Message = "ResourceClaim")] public List<JsonObject>? Claims { get; set; }
}

public sealed class VolumeMount
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2)] public bool? ReadOnly { get; set; }
    [Proto(7, Pointer = true)] public string? RecursiveReadOnly { get; set; }
    [Proto(3), EmitEmpty] public string MountPath { get; set; } = "";
    [Proto(4)] public string? SubPath { get; set; }
    [Proto(5, Pointer = true)] public string? MountPropagation { get; set; }
    [Proto(6)] public string? SubPathExpr { get; set; }
}

public sealed class ContainerStatus
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2), EmitEmpty] public ContainerState State { get; set; } = new();
    [Proto(3), EmitEmpty] public ContainerState LastState { get; set; } = new();
    [Proto(4), EmitEmpty] public bool Ready { get; set; }
    [Proto(5), EmitEmpty] public int RestartCount { get; set; }
    [Proto(6), EmitEmpty] public string Image { get; set; } = "";
    [Proto(7), EmitEmpty] public string ImageID { get; set; } = "";
    [Proto(8)] public string? ContainerID { get; set; }
    [Proto(9, Pointer = true)] public bool? Started { get; set; }
    [Proto(10)] public Dictionary<string, Quantity>? AllocatedResources { get; set; }
    [Proto(11)] public ResourceRequirements? Resources { get; set; }
    [Proto(12, Message = "VolumeMountStatus")] public List<JsonObject>? VolumeMounts { get; set; }
    [Proto(13, Message = "ContainerUser")] public JsonObject? User { get; set; }
    [Proto(14, Message = "ResourceStatus")] public List<JsonObject>? AllocatedResourcesStatus { get; set; }
    [Proto(15, Pointer = true)] public string? StopSignal { get; set; }
}

public sealed class ContainerState
{
    [Proto(1)] public ContainerStateWaiting? Waiting { get; set; }
    [Proto(2)] public ContainerStateRunning? Running { get; set; }
    [Proto(3)] public ContainerStateTerminated? Terminated { get; set; }
}

public sealed class ContainerStateWaiting
{
    [Proto(1)] public string? Reason { get; set; }
    [Proto(2)] public string? Message { get; set; }
}

public sealed class ContainerStateRunning
{
    [Proto(1), EmitEmpty] public DateTimeOffset? StartedAt { get; set; }
}

public sealed class ContainerStateTerminated
{
    [Proto(1), EmitEmpty] public int ExitCode { get; set; }
    [Proto(2)] public int? Signal { get; set; }
    [Proto(3)] public string? Reason { get; set; }
    [Proto(4)] public string? Message { get; set; }
    [Proto(5), EmitEmpty] public DateTimeOffset? StartedAt { get; set; }
    [Proto(6), EmitEmpty] public DateTimeOffset? FinishedAt { get; set; }
    [Proto(7)] public string? ContainerID { get; set; }
}
