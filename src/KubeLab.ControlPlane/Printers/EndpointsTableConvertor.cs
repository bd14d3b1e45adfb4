using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get endpoints</c>: NAME ENDPOINTS AGE, ENDPOINTS like <c>10.0.0.1:80,10.0.0.2:80 + 3 more...</c>.</summary>
public sealed class EndpointsTableConvertor : ITableConvertor
{
    public static readonly EndpointsTableConvertor Instance = new();

    private const int Shown = 3;

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Endpoints", "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service."),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var endpoints = (Endpoints)obj;
        return [endpoints.Metadata.Name ?? "", Format(endpoints.Subsets), Ages.Since(endpoints.Metadata.CreationTimestamp, now)];
    }

    /// <summary>
    /// Ready addresses only, as <c>ip:port</c> for every port (bare IPs for port-less subsets); the first
    /// three are shown and the rest counted. No subsets prints <c>&lt;none&gt;</c>; subsets without addresses print nothing.
    /// </summary>
    internal static string Format(List<EndpointSubset>? subsets)
    {
        if (subsets is not { Count: > 0 }) return "<none>";
        var shown = new List<string>();
        var total = 0;
        foreach (var subset in subsets)
        {
            var addresses = subset.Addresses ?? [];
            if (subset.Ports is not { Count: > 0 } ports)
            {
                total += addresses.Count;
                shown.AddRange(addresses.Take(Shown - shown.Count).Select(a => a.Ip));
                continue;
            }
            foreach (var port in ports)
            {
                total += addresses.Count;
                shown.AddRange(addresses.Take(Shown - shown.Count).Select(a => HostPort(a.Ip, port.Port)));
            }
        }
        var text = string.Join(",", shown);
        return total > shown.Count ? $"{text} + {total - Shown} more..." : text;
    }

    /// <summary>Go's <c>net.JoinHostPort</c>: IPv6 addresses go in brackets.</summary>
    private static string HostPort(string ip, int port) => ip.Contains(':') ? $"[{ip}]:{port}" : $"{ip}:{port}";
}
