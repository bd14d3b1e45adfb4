using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's EndpointsDescriber: each subset's ready and not-ready addresses and its ports, then events.</summary>
internal sealed class EndpointsDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var endpoints = await context.GetAsync($"/api/v1/namespaces/{ns}/endpoints/{name}", "describe.go:3173");
        var events = await context.EventsOfAsync(endpoints, "Endpoints");
        var w = new PrefixWriter();
        var metadata = Obj(endpoints["metadata"]);
        Header(w, metadata);
        w.Write(0, "Subsets:\n");
        foreach (var subset in Objects(endpoints["subsets"]))
        {
            w.Write(1, $"Addresses:\t{Addresses(subset["addresses"])}\n");
            w.Write(1, $"NotReadyAddresses:\t{Addresses(subset["notReadyAddresses"])}\n");
            if (Objects(subset["ports"]) is { Count: > 0 } ports)
            {
                w.Write(1, "Ports:\n");
                w.Write(2, "Name\tPort\tProtocol\n");
                w.Write(2, "----\t----\t--------\n");
                foreach (var port in ports)
                    w.Write(2, $"{(S(port["name"]) is { Length: > 0 } portName ? portName : "<unset>")}\t{Int(port["port"])}\t{S(port["protocol"])}\n");
            }
            w.Write(0, "\n");
        }
        Events(w, events, context.Now);
        return w.ToString();
    }

    private static string Addresses(JsonNode? addresses) =>
        string.Join(',', Objects(addresses).Select(a => S(a["ip"]))) is { Length: > 0 } text ? text : "<none>";
}
