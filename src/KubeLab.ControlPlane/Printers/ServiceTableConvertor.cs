using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get services</c>: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and with -o wide SELECTOR.</summary>
public sealed class ServiceTableConvertor : ITableConvertor
{
    public static readonly ServiceTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Type", "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types"),
        TableColumns.Column("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"),
        TableColumns.Column("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system."),
        TableColumns.Column("Port(s)", "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"),
        TableColumns.Age,
        TableColumns.Column("Selector", "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/", priority: 1),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var service = (Service)obj;
        var spec = service.Spec;
        var ports = string.Join(",", (spec.Ports ?? []).Select(Port));
        return
        [
            service.Metadata.Name ?? "",
            spec.Type ?? "",
            ClusterIp(spec),
            ExternalIp(service),
            ports.Length == 0 ? "<none>" : ports,
            Ages.Since(service.Metadata.CreationTimestamp, now),
            SelectorText.Labels(spec.Selector),
        ];
    }

    /// <summary>The first of clusterIPs; a lone clusterIP stands in, as the server normalises it on read.</summary>
    private static string ClusterIp(ServiceSpec spec) =>
        spec.ClusterIps is [var first, ..] ? first : string.IsNullOrEmpty(spec.ClusterIp) ? "<none>" : spec.ClusterIp;

    private static string ExternalIp(Service service)
    {
        var external = service.Spec.ExternalIps ?? [];
        switch (service.Spec.Type)
        {
            case "ClusterIP" or "NodePort":
                return external.Count > 0 ? string.Join(",", external) : "<none>";
            case "LoadBalancer":
                var ingress = LoadBalancerAddresses(service.Status.LoadBalancer);
                if (external.Count > 0) return string.Join(",", ingress.Concat(external));
                return ingress.Count > 0 ? string.Join(",", ingress) : "<pending>";
            case "ExternalName":
                return service.Spec.ExternalName ?? "";
            default:
                return "<unknown>";
        }
    }

    private static List<string> LoadBalancerAddresses(LoadBalancerStatus status) =>
        Printers.LoadBalancerAddresses.Of((status.Ingress ?? []).Select(i => (i.Ip, i.Hostname)));

    private static string Port(ServicePort port) =>
        port.NodePort is > 0 ? $"{port.Port}:{port.NodePort}/{port.Protocol}" : $"{port.Port}/{port.Protocol}";
}
