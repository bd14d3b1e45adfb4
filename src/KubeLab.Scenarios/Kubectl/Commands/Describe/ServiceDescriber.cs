using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Printers;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's ServiceDescriber: addresses, each port with the endpoints behind it, read from the service's
/// EndpointSlices (a list whose failure leaves them empty: a server without discovery.k8s.io shows none), then events.
/// </summary>
internal sealed class ServiceDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var service = await context.GetAsync($"/api/v1/namespaces/{ns}/services/{name}", "describe.go:3048");
        List<JsonObject> slices;
        try
        {
            slices = await context.Client.ListAsync($"/apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices", "describe.go:3053",
                labelSelector: $"kubernetes.io/service-name={name}");
        }
        catch (KubectlException)
        {
            slices = [];
        }
        var events = await context.EventsOfAsync(service, "Service");

        var w = new PrefixWriter();
        var metadata = Obj(service["metadata"]);
        var spec = Obj(service["spec"]);
        Header(w, metadata);
        w.Write(0, $"Selector:\t{SelectorText.Labels(Obj(spec["selector"]).ToDictionary(kv => kv.Key, kv => S(kv.Value)))}\n");
        w.Write(0, $"Type:\t{S(spec["type"])}\n");
        if (spec["ipFamilyPolicy"] is JsonValue policy) w.Write(0, $"IP Family Policy:\t{S(policy)}\n");
        w.Write(0, $"IP Families:\t{Joined(Strings(spec["ipFamilies"]), ",")}\n");
        w.Write(0, $"IP:\t{S(spec["clusterIP"])}\n");
        w.Write(0, $"IPs:\t{Joined(Strings(spec["clusterIPs"]), ",")}\n");
        if (Strings(spec["externalIPs"]) is { Count: > 0 } external) w.Write(0, $"External IPs:\t{string.Join(',', external)}\n");
        if (S(spec["loadBalancerIP"]) is { Length: > 0 } loadBalancerIp) w.Write(0, $"Desired LoadBalancer IP:\t{loadBalancerIp}\n");
        if (S(spec["externalName"]) is { Length: > 0 } externalName) w.Write(0, $"External Name:\t{externalName}\n");
        if (Objects(service["status"]?["loadBalancer"]?["ingress"]) is { Count: > 0 } ingress)
            w.Write(0, $"LoadBalancer Ingress:\t{string.Join(", ", ingress.Select(Ingress))}\n");
        foreach (var port in Objects(spec["ports"]))
        {
            var portName = S(port["name"]) is { Length: > 0 } n ? n : "<unset>";
            var protocol = S(port["protocol"]);
            w.Write(0, $"Port:\t{portName}\t{Int(port["port"])}/{protocol}\n");
            w.Write(0, $"TargetPort:\t{(port["targetPort"] is JsonValue target ? S(target) : "0")}/{protocol}\n");
            if (Int(port["nodePort"]) != 0) w.Write(0, $"NodePort:\t{portName}\t{Int(port["nodePort"])}/{protocol}\n");
            w.Write(0, $"Endpoints:\t{Endpoints(slices, S(port["name"]))}\n");
        }
        w.Write(0, $"Session Affinity:\t{S(spec["sessionAffinity"])}\n");
        if (S(spec["externalTrafficPolicy"]) is { Length: > 0 } externalPolicy) w.Write(0, $"External Traffic Policy:\t{externalPolicy}\n");
        if (spec["internalTrafficPolicy"] is JsonValue internalPolicy) w.Write(0, $"Internal Traffic Policy:\t{S(internalPolicy)}\n");
        if (Int(spec["healthCheckNodePort"]) != 0) w.Write(0, $"HealthCheck NodePort:\t{Int(spec["healthCheckNodePort"])}\n");
        if (Strings(spec["loadBalancerSourceRanges"]) is { Count: > 0 } ranges) w.Write(0, $"LoadBalancer Source Ranges:\t{string.Join(',', ranges)}\n");
        Events(w, events, context.Now);
        return w.ToString();
    }

    private static string Joined(IReadOnlyList<string> values, string separator) => values.Count == 0 ? "<none>" : string.Join(separator, values);

    private static string Ingress(JsonObject ingress) =>
        S(ingress["ip"]) is { Length: > 0 } ip ? ip + (ingress["ipMode"] is JsonValue mode ? $" ({S(mode)})" : "") : S(ingress["hostname"]);

    /// <summary>formatEndpointSlices for one port: the first three ready endpoints as host:port, and how many more.</summary>
    private static string Endpoints(IReadOnlyList<JsonObject> slices, string portName)
    {
        if (slices.Count == 0) return "<none>";
        const int Max = 3;
        var list = new List<string>();
        var more = false;
        var count = 0;
        foreach (var slice in slices)
        {
            var endpoints = Objects(slice["endpoints"]);
            var ports = Objects(slice["ports"]);
            // A headless service's slices have no ports: their addresses alone are listed.
            var addresses = ports.Count == 0
                ? endpoints.Select(e => (Endpoint: e, Text: Strings(e["addresses"]).FirstOrDefault() ?? ""))
                : ports.Where(p => S(p["name"]) == portName)
                    .SelectMany(p => endpoints.Select(e => (Endpoint: e, Text: HostPort(Strings(e["addresses"]).FirstOrDefault() ?? "", Int(p["port"])))));
            foreach (var (endpoint, text) in addresses)
            {
                if (list.Count == Max) more = true;
                // A missing readiness counts as ready.
                if (endpoint["conditions"]?["ready"] is JsonValue ready && !Bool(ready)) continue;
                if (!more) list.Add(text);
                count++;
            }
        }
        var joined = string.Join(',', list);
        return more ? $"{joined} + {count - Max} more..." : joined;
    }

    /// <summary>net.JoinHostPort: an IPv6 address is bracketed.</summary>
    private static string HostPort(string host, long port) => host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
}
