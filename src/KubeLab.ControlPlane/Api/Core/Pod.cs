using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class Pod : KubeObject
{
    [Proto(2), EmitEmpty] public PodSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public PodStatus Status { get; set; } = new();
}

/// <summary>
/// The PodSpec fields the simulator reads are typed; deep structures it only stores
/// (affinity, security contexts, DNS config) are kept as JSON so nothing a client sends is lost.
/// </summary>
public sealed class PodSpec
{
    [Proto(1), PatchMergeKey("name", Strategy = "retainKeys,merge")] public List<Volume>? Volumes { get; set; }
    [Proto(20), PatchMergeKey("name")] public List<Container>? InitContainers { get; set; }
    [Proto(2), EmitEmpty, PatchMergeKey("name")] public List<Container>? Containers { get; set; }
    [Proto(34, Message = "EphemeralContainer"), PatchMergeKey("name")] public List<JsonObject>? EphemeralContainers { get; set; }
    [Proto(3)] public string? RestartPolicy { get; set; }
    [Proto(4, Pointer = true)] public long? TerminationGracePeriodSeconds { get; set; }
    [Proto(5, Pointer = true)] public long? ActiveDeadlineSeconds { get; set; }
    [Proto(6)] public string? DnsPolicy { get; set; }
    [Proto(7)] public Dictionary<string, string>? NodeSelector { get; set; }
    [Proto(8)] public string? ServiceAccountName { get; set; }
    [Proto(9)] public string? ServiceAccount { get; set; }
    [Proto(21, Pointer = true)] public bool? AutomountServiceAccountToken { get; set; }
    [Proto(10)] public string? NodeName { get; set; }
    [Proto(11)] public bool? HostNetwork { get; set; }
    [Proto(12), JsonPropertyName("hostPID")] public bool? HostPid { get; set; }
    [Proto(13), JsonPropertyName("hostIPC")] public bool? HostIpc { get; set; }
    [Proto(27, Pointer = true)] public bool? ShareProcessNamespace { get; set; }
    [Proto(14, Message = "PodSecurityContext")] public JsonObject? SecurityContext { get; set; }
    [Proto(15), PatchMergeKey("name")] public List<LocalObjectReference>? ImagePullSecrets { get; set; }
    [Proto(16)] public string? Hostname { get; set; }
    [Proto(17)] public string? Subdomain { get; set; }
    [Proto(18, Message = "Affinity")] public JsonObject? Affinity { get; set; }
    [Proto(19)] public string? SchedulerName { get; set; }
    [Proto(22)] public List<Toleration>? Tolerations { get; set; }
    [Proto(23, Message = "HostAlias"), PatchMergeKey("ip")] public List<JsonObject>? HostAliases { get; set; }
    [Proto(24)] public string? PriorityClassName { get; set; }
    [Proto(25, Pointer = true)] public int? Priority { get; set; }
    [Proto(26, Message = "PodDNSConfig")] public JsonObject? DnsConfig { get; set; }
    [Proto(28, Message = "PodReadinessGate")] public List<JsonObject>? ReadinessGates { get; set; }
    [Proto(29, Pointer = true)] public string? RuntimeClassName { get; set; }
    [Proto(30, Pointer = true)] public bool? EnableServiceLinks { get; set; }
    [Proto(31, Pointer = true)] public string? PreemptionPolicy { get; set; }
    [Proto(32)] public Dictionary<string, Quantity>? Overhead { get; set; }
    [Proto(33, Message = "TopologySpreadConstraint"), PatchMergeKey("topologyKey")] public List<JsonObject>? TopologySpreadConstraints { get; set; }
    [Proto(35, Pointer = true), JsonPropertyName("setHostnameAsFQDN")] public bool? SetHostnameAsFqdn { get; set; }
    [Proto(36, Message = "PodOS")] public JsonObject? Os { get; set; }
    [Proto(37, Pointer = true)] public bool? HostUsers { get; set; }
    [Proto(38, Message = "PodSchedulingGate"), PatchMergeKey("name")] public List<JsonObject>? SchedulingGates { get; set; }
    [Proto(39, Message = "PodResourceClaim"), PatchMergeKey("name", Strategy = "merge,retainKeys")] public List<JsonObject>? ResourceClaims { get; set; }
    [Proto(40, Message = "ResourceRequirements")] public JsonObject? Resources { get; set; }
}

/// <summary>
/// A volume: its name plus exactly one source (emptyDir, configMap, secret…), kept as JSON. Extension data is a
/// dictionary of elements because a <c>JsonObject</c> there serializes as invalid JSON (dotnet/runtime#60806).
/// </summary>
public sealed class Volume
{
    [Proto(1)] public string Name { get; set; } = "";
    [Proto(2, Message = "VolumeSource"), JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? Source { get; set; }
}

public sealed class LocalObjectReference
{
    [Proto(1)] public string? Name { get; set; }
}

public sealed class Toleration
{
    [Proto(1)] public string? Key { get; set; }
    [Proto(2)] public string? Operator { get; set; }
    [Proto(3)] public string? Value { get; set; }
    [Proto(4)] public string? Effect { get; set; }
    [Proto(5, Pointer = true)] public long? TolerationSeconds { get; set; }
}

public sealed class PodStatus
{
    [Proto(1)] public string? Phase { get; set; }
    [Proto(2), PatchMergeKey("type")] public List<PodCondition>? Conditions { get; set; }
    [Proto(3)] public string? Message { get; set; }
    [Proto(4)] public string? Reason { get; set; }
    [Proto(11)] public string? NominatedNodeName { get; set; }
    [Proto(5), JsonPropertyName("hostIP")] public string? HostIp { get; set; }
    [Proto(16, Message = "HostIP"), JsonPropertyName("hostIPs")] public List<PodIP>? HostIps { get; set; }
    [Proto(6), JsonPropertyName("podIP")] public string? PodIp { get; set; }
    [Proto(12), JsonPropertyName("podIPs"), PatchMergeKey("ip")] public List<PodIP>? PodIps { get; set; }
    [Proto(7)] public DateTimeOffset? StartTime { get; set; }
    [Proto(10)] public List<ContainerStatus>? InitContainerStatuses { get; set; }
    [Proto(8)] public List<ContainerStatus>? ContainerStatuses { get; set; }
    [Proto(9)] public string? QosClass { get; set; }
    [Proto(13)] public List<ContainerStatus>? EphemeralContainerStatuses { get; set; }
    [Proto(14)] public string? Resize { get; set; }
    [Proto(15, Message = "PodResourceClaimStatus")] public List<JsonObject>? ResourceClaimStatuses { get; set; }
    [Proto(17)] public long? ObservedGeneration { get; set; }
}

public sealed class PodIP
{
    [Proto(1)] public string? Ip { get; set; }
}

public sealed class PodCondition
{
    [Proto(1)] public string Type { get; set; } = "";
    [Proto(7)] public long? ObservedGeneration { get; set; }
    [Proto(2)] public string Status { get; set; } = "";
    [Proto(3), EmitEmpty] public DateTimeOffset? LastProbeTime { get; set; }
    [Proto(4), EmitEmpty] public DateTimeOffset? LastTransitionTime { get; set; }
    [Proto(5)] public string? Reason { get; set; }
    [Proto(6)] public string? Message { get; set; }
}
