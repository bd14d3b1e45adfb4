using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Api.Networking;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get ingress</c>: NAME CLASS HOSTS ADDRESS PORTS AGE (printers.go printIngress).</summary>
public sealed class IngressTableConvertor : ITableConvertor
{
    public static readonly IngressTableConvertor Instance = new();
    private const int ShownHosts = 3;

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Class", "The name of the IngressClass resource that should be used for additional configuration"),
        TableColumns.Column("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
        TableColumns.Column("Address", "Address is a list containing ingress points for the load-balancer"),
        TableColumns.Column("Ports", "Ports of TLS configurations that open"),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ingress = (Ingress)obj;
        return
        [
            ingress.Metadata.Name ?? "",
            ingress.Spec.IngressClassName ?? "<none>",
            Hosts(ingress.Spec.Rules ?? []),
            Address(ingress.Status.LoadBalancer),
            ingress.Spec.Tls is { Count: > 0 } ? "80, 443" : "80",
            Ages.Since(ingress.Metadata.CreationTimestamp, now),
        ];
    }

    /// <summary>The first three hosts given (rules without one count towards "more" but print nothing), else <c>*</c>.</summary>
    private static string Hosts(List<IngressRule> rules)
    {
        var hosts = rules.Take(ShownHosts).Select(r => r.Host).OfType<string>().Where(h => h.Length > 0).ToList();
        if (hosts.Count == 0) return "*";
        var text = string.Join(",", hosts);
        return rules.Count > ShownHosts ? $"{text} + {rules.Count - ShownHosts} more..." : text;
    }

    private static string Address(IngressLoadBalancerStatus status) =>
        string.Join(",", LoadBalancerAddresses.Of((status.Ingress ?? []).Select(i => (i.Ip, i.Hostname))));
}
