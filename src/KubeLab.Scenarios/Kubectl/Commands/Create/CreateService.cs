using System.Globalization;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// <c>kubectl create service clusterip|nodeport NAME --tcp=PORT[:TARGET]...</c>: label and selector <c>app=NAME</c>,
/// one TCP port per <c>--tcp</c>, named after it (<c>80-8080</c>).
/// </summary>
internal sealed class CreateServiceType(string name, string type, string errorName) : GeneratorCommand
{
    public override string Name => name;
    protected override TypedResource Resource => TypedResource.Services;
    protected override string ErrorPrefix => $"failed to create {errorName} service: ";

    protected override void AddGeneratorFlags(FlagSet flags)
    {
        flags.Slice("tcp");
        if (type == "ClusterIP") flags.String("clusterip");
        if (type == "NodePort") flags.Int("node-port");
    }

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string serviceName)
    {
        var flags = invocation.Flags;
        var clusterIp = type == "ClusterIP" ? flags.String("clusterip") : "";
        var tcp = flags.Strings("tcp");
        if (clusterIp != "None" && tcp.Count == 0) throw KubectlException.Client("at least one tcp port specifier must be provided");
        var nodePort = type == "NodePort" ? flags.Int("node-port") : 0;
        var ports = new JsonArray();
        foreach (var spec in tcp)
        {
            var (port, target) = ParsePorts(spec);
            var entry = new JsonObject { ["name"] = spec.Replace(':', '-'), ["protocol"] = "TCP", ["port"] = port, ["targetPort"] = target };
            if (nodePort != 0) entry["nodePort"] = nodePort;
            ports.Add(entry);
        }
        var service = NewObject(invocation, serviceName, new JsonObject { ["app"] = serviceName });
        var spec2 = new JsonObject();
        if (ports.Count > 0) spec2["ports"] = ports;
        spec2["selector"] = new JsonObject { ["app"] = serviceName };
        if (clusterIp.Length > 0) spec2["clusterIP"] = clusterIp;
        spec2["type"] = type;
        service["spec"] = spec2;
        service["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
        return Task.FromResult(service);
    }

    private static (int Port, JsonNode Target) ParsePorts(string spec)
    {
        var parts = spec.Split(':');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw KubectlException.Client($"invalid port \"{parts[0]}\"");
        if (parts.Length == 1) return (port, JsonValue.Create(port));
        if (int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var target))
        {
            if (target is < 1 or > 65535) throw KubectlException.Client("must be between 1 and 65535, inclusive");
            return (port, JsonValue.Create(target));
        }
        return (port, JsonValue.Create(parts[1]));
    }
}

/// <summary><c>kubectl create service</c>: clusterip and nodeport are simulated.</summary>
internal sealed class CreateService : CommandDefinition
{
    public override string Name => "service";
    public override IReadOnlyList<string> Aliases => ["svc"];
    public override IReadOnlyList<CommandDefinition> Subcommands { get; } =
        [new CreateServiceType("clusterip", "ClusterIP", "ClusterIP"), new CreateServiceType("nodeport", "NodePort", "NodePort")];

    public override Task<int> RunAsync(Invocation invocation) =>
        throw KubectlException.Raw("error: a service type is required (clusterip or nodeport)\n");
}
