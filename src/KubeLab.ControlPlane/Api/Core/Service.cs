using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class Service : KubeObject
{
    [Proto(2), EmitEmpty] public ServiceSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public ServiceStatus Status { get; set; } = new();
}

public sealed class ServiceSpec
{
    [Proto(1), PatchMergeKey("port")] public List<ServicePort>? Ports { get; set; }
    [Proto(2)] public Dictionary<string, string>? Selector { get; set; }
    [Proto(3), JsonPropertyName("clusterIP")] public string? ClusterIp { get; set; }
    [Proto(18), JsonPropertyName("clusterIPs")] public List<string>? ClusterIps { get; set; }
    [Proto(4)] public string? Type { get; set; }
    [Proto(5), JsonPropertyName("externalIPs")] public List<string>? ExternalIps { get; set; }
    [Proto(7)] public string? SessionAffinity { get; set; }
    [Proto(8), JsonPropertyName("loadBalancerIP")] public string? LoadBalancerIp { get; set; }
    [Proto(9)] public List<string>? LoadBalancerSourceRanges { get; set; }
    [Proto(10)] public string? ExternalName { get; set; }
    [Proto(11)] public string? ExternalTrafficPolicy { get; set; }
    [Proto(12)] public int? HealthCheckNodePort { get; set; }
    [Proto(13)] public bool? PublishNotReadyAddresses { get; set; }
    [Proto(14, Message = "SessionAffinityConfig")] public JsonObject? SessionAffinityConfig { get; set; }
    [Proto(19)] public List<string>? IpFamilies { get; set; }
    [Proto(17, Pointer = true)] public string? IpFamilyPolicy { get; set; }
    [Proto(20, Pointer = true)] public bool? AllocateLoadBalancerNodePorts { get; set; }
    [Proto(21, Pointer = true)] public string? LoadBalancerClass { get; set; }
    [Proto(22, Pointer = true)] public string? InternalTrafficPolicy { get; set; }
    [Proto(23, Pointer = true)] public string? TrafficDistribution { get; set; }
}

public sealed class ServicePort
{
    [Proto(1)] public string? Name { get; set; }
    [Proto(2)] public string? Protocol { get; set; }
    [Proto(6, Pointer = true)] public string? AppProtocol { get; set; }
    [Proto(3), EmitEmpty] public int Port { get; set; }
    [Proto(4)] public IntOrString? TargetPort { get; set; }
    [Proto(5)] public int? NodePort { get; set; }
}

public sealed class ServiceStatus
{
    [Proto(1), EmitEmpty] public LoadBalancerStatus LoadBalancer { get; set; } = new();
    [Proto(2, Message = "Condition")] public List<JsonObject>? Conditions { get; set; }
}

public sealed class LoadBalancerStatus
{
    [Proto(1)] public List<LoadBalancerIngress>? Ingress { get; set; }
}

public sealed class LoadBalancerIngress
{
    [Proto(1)] public string? Ip { get; set; }
    [Proto(2)] public string? Hostname { get; set; }
}

public sealed class Endpoints : KubeObject
{
    [Proto(2)] public List<EndpointSubset>? Subsets { get; set; }
}

public sealed class EndpointSubset
{
    [Proto(1)] public List<EndpointAddress>? Addresses { get; set; }
    [Proto(2)] public List<EndpointAddress>? NotReadyAddresses { get; set; }
    [Proto(3)] public List<EndpointPort>? Ports { get; set; }
}

public sealed class EndpointAddress
{
    [Proto(1), EmitEmpty] public string Ip { get; set; } = "";
    [Proto(3)] public string? Hostname { get; set; }
    [Proto(4, Pointer = true)] public string? NodeName { get; set; }
    [Proto(2)] public ObjectReference? TargetRef { get; set; }
}

public sealed class EndpointPort
{
    [Proto(1)] public string? Name { get; set; }
    [Proto(2), EmitEmpty] public int Port { get; set; }
    [Proto(3)] public string? Protocol { get; set; }
    [Proto(4, Pointer = true)] public string? AppProtocol { get; set; }
}
