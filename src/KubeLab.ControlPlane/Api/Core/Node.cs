using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class Node : KubeObject
{
    [Proto(2), EmitEmpty] public NodeSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public NodeStatus Status { get; set; } = new();
}

public sealed class NodeSpec
{
    [Proto(1), JsonPropertyName("podCIDR")] public string? PodCidr { get; set; }
    [Proto(7), JsonPropertyName("podCIDRs"), PatchStrategy("merge")] public List<string>? PodCidrs { get; set; }
    [Proto(3), JsonPropertyName("providerID")] public string? ProviderId { get; set; }
    [Proto(4)] public bool? Unschedulable { get; set; }
    [Proto(5)] public List<Taint>? Taints { get; set; }
}

public sealed class Taint
{
    [Proto(1), EmitEmpty] public string Key { get; set; } = "";
    [Proto(2)] public string? Value { get; set; }
    [Proto(3), EmitEmpty] public string Effect { get; set; } = "";
    [Proto(4)] public DateTimeOffset? TimeAdded { get; set; }
}

public sealed class NodeStatus
{
    [Proto(1)] public Dictionary<string, Quantity>? Capacity { get; set; }
    [Proto(2)] public Dictionary<string, Quantity>? Allocatable { get; set; }
    [Proto(3)] public string? Phase { get; set; }
    [Proto(4), PatchMergeKey("type")] public List<NodeCondition>? Conditions { get; set; }
    [Proto(5), PatchMergeKey("type")] public List<NodeAddress>? Addresses { get; set; }
    [Proto(6, Message = "NodeDaemonEndpoints"), EmitEmpty] public JsonObject DaemonEndpoints { get; set; } = new();
    [Proto(7), EmitEmpty] public NodeSystemInfo NodeInfo { get; set; } = new();
    [Proto(8, Message = "ContainerImage")] public List<JsonObject>? Images { get; set; }
}

public sealed class NodeCondition
{
    [Proto(1)] public string Type { get; set; } = "";
    [Proto(2)] public string Status { get; set; } = "";
    [Proto(3), EmitEmpty] public DateTimeOffset? LastHeartbeatTime { get; set; }
    [Proto(4), EmitEmpty] public DateTimeOffset? LastTransitionTime { get; set; }
    [Proto(5)] public string? Reason { get; set; }
    [Proto(6)] public string? Message { get; set; }
}

public sealed class NodeAddress
{
    [Proto(1)] public string Type { get; set; } = "";
    [Proto(2)] public string Address { get; set; } = "";
}

public sealed class NodeSystemInfo
{
    [Proto(1), EmitEmpty, JsonPropertyName("machineID")] public string MachineId { get; set; } = "";
    [Proto(2), EmitEmpty, JsonPropertyName("systemUUID")] public string SystemUuid { get; set; } = "";
    [Proto(3), EmitEmpty, JsonPropertyName("bootID")] public string BootId { get; set; } = "";
    [Proto(4), EmitEmpty] public string KernelVersion { get; set; } = "";
    [Proto(5), EmitEmpty] public string OsImage { get; set; } = "";
    [Proto(6), EmitEmpty] public string ContainerRuntimeVersion { get; set; } = "";
    [Proto(7), EmitEmpty] public string KubeletVersion { get; set; } = "";
    [Proto(8), EmitEmpty] public string KubeProxyVersion { get; set; } = "";
    [Proto(9), EmitEmpty] public string OperatingSystem { get; set; } = "";
    [Proto(10), EmitEmpty] public string Architecture { get; set; } = "";
}
