using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Core;

/// <summary>Services get a cluster IP from 10.96.0.0/12 (random, as the real allocator), defaults, and node ports.</summary>
public sealed class ServiceStrategy : ResourceStrategy<Service>
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

    public override bool Namespaced => true;
    public override bool HasStatusSubresource => true;
    public override NameRules.Rule NameRule => NameRules.Dns1035Label;

    protected override void ApplyDefaults(Service service)
    {
        var spec = service.Spec;
        spec.Type ??= "ClusterIP";
        spec.SessionAffinity ??= "None";
        if (spec.Type != "ExternalName") spec.InternalTrafficPolicy ??= "Cluster";
        if (spec.Type is "NodePort" or "LoadBalancer") spec.ExternalTrafficPolicy ??= "Cluster";
        if (spec.Type == "LoadBalancer") spec.AllocateLoadBalancerNodePorts ??= true;
        foreach (var port in spec.Ports ?? [])
        {
            port.Protocol ??= "TCP";
            port.TargetPort ??= port.Port;
        }
    }

    protected override void PrepareForCreate(Service service, StrategyContext context)
    {
        var spec = service.Spec;
        if (spec.Type != "ExternalName")
        {
            if (string.IsNullOrEmpty(spec.ClusterIp)) spec.ClusterIp = RandomClusterIp(context.Ids);
            spec.ClusterIps = [spec.ClusterIp];
            if (spec.ClusterIp != "None")
            {
                spec.IpFamilies ??= ["IPv4"];
                spec.IpFamilyPolicy ??= "SingleStack";
            }
        }
        foreach (var port in spec.Ports ?? [])
        {
            if (spec.Type is "NodePort" or "LoadBalancer" && port.NodePort is null)
                port.NodePort = 30000 + (int)(uint.Parse(context.Ids.NewUid()[..8], System.Globalization.NumberStyles.HexNumber) % 2768);
        }
        service.Status = new ServiceStatus();
    }

    protected override void PrepareForUpdate(Service service, Service old, StrategyContext context)
    {
        if (string.IsNullOrEmpty(service.Spec.ClusterIp)) service.Spec.ClusterIp = old.Spec.ClusterIp;
        service.Spec.ClusterIps ??= old.Spec.ClusterIps;
    }

    protected override IEnumerable<FieldError> Validate(Service service)
    {
        var spec = service.Spec;
        if (spec.Type is { } type && !Types.Contains(type)) yield return FieldError.NotSupported("spec.type", type, Types);
        if (spec.Type != "ExternalName" && spec.ClusterIp != "None" && spec.Ports is not { Count: > 0 })
            yield return FieldError.Required("spec.ports");
        foreach (var (port, i) in (spec.Ports ?? []).Select((p, i) => (p, i)))
            if (port.Port is < 1 or > 65535)
                yield return FieldError.Invalid($"spec.ports[{i}].port", port.Port, "must be between 1 and 65535, inclusive");
    }

    protected override IEnumerable<FieldError> ValidateUpdate(Service service, Service old)
    {
        if (old.Spec.ClusterIp is { Length: > 0 } ip && service.Spec.ClusterIp != ip)
            yield return FieldError.Invalid("spec.clusterIPs[0]", service.Spec.ClusterIp, "may not change once set");
    }

    private static string RandomClusterIp(IdSource ids)
    {
        var bits = uint.Parse(ids.NewUid()[..8], System.Globalization.NumberStyles.HexNumber);
        var host = 10 + bits % 0xFFFF0;
        return $"10.{96 + ((host >> 16) & 0x0F)}.{(host >> 8) & 0xFF}.{host & 0xFF}";
    }
}
