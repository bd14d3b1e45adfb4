using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Networking;

/// <summary>networking.k8s.io/v1 Ingress: HTTP routes from hosts and paths to Services.</summary>
public sealed class Ingress : KubeObject
{
    [Proto(2), EmitEmpty] public IngressSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public IngressStatus Status { get; set; } = new();
}

public sealed class IngressSpec
{
    [Proto(4, Pointer = true)] public string? IngressClassName { get; set; }
    [Proto(1)] public IngressBackend? DefaultBackend { get; set; }
    [Proto(2, Message = "IngressTLS")] public List<IngressTls>? Tls { get; set; }
    [Proto(3)] public List<IngressRule>? Rules { get; set; }
}

public sealed class IngressBackend
{
    [Proto(4)] public IngressServiceBackend? Service { get; set; }
    [Proto(3)] public TypedLocalObjectReference? Resource { get; set; }
}

public sealed class IngressServiceBackend
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2)] public ServiceBackendPort? Port { get; set; }
}

public sealed class ServiceBackendPort
{
    [Proto(1)] public string? Name { get; set; }
    [Proto(2)] public int? Number { get; set; }
}

public sealed class TypedLocalObjectReference
{
    [Proto(1, Pointer = true)] public string? ApiGroup { get; set; }
    [Proto(2), EmitEmpty] public string Kind { get; set; } = "";
    [Proto(3), EmitEmpty] public string Name { get; set; } = "";
}

public sealed class IngressTls
{
    [Proto(1)] public List<string>? Hosts { get; set; }
    [Proto(2)] public string? SecretName { get; set; }
}

/// <summary>
/// A rule. Go inlines IngressRuleValue into it, so <c>http</c> sits beside <c>host</c> in JSON; in protobuf it is
/// field 1 of a nested message (field 2), which this flat model does not number: protobuf bodies lose it.
/// </summary>
public sealed class IngressRule
{
    [Proto(1)] public string? Host { get; set; }
    public HttpIngressRuleValue? Http { get; set; }
}

public sealed class HttpIngressRuleValue
{
    [Proto(1), EmitEmpty] public List<HttpIngressPath>? Paths { get; set; }
}

public sealed class HttpIngressPath
{
    [Proto(1)] public string? Path { get; set; }
    [Proto(3)] public string? PathType { get; set; }
    [Proto(2), EmitEmpty] public IngressBackend Backend { get; set; } = new();
}

public sealed class IngressStatus
{
    [Proto(1), EmitEmpty] public IngressLoadBalancerStatus LoadBalancer { get; set; } = new();
}

public sealed class IngressLoadBalancerStatus
{
    [Proto(1)] public List<IngressLoadBalancerIngress>? Ingress { get; set; }
}

public sealed class IngressLoadBalancerIngress
{
    [Proto(1)] public string? Ip { get; set; }
    [Proto(2)] public string? Hostname { get; set; }
    [Proto(4)] public List<IngressPortStatus>? Ports { get; set; }
}

public sealed class IngressPortStatus
{
    [Proto(1), EmitEmpty] public int Port { get; set; }
    [Proto(2), EmitEmpty] public string Protocol { get; set; } = "";
    [Proto(3, Pointer = true)] public string? Error { get; set; }
}
