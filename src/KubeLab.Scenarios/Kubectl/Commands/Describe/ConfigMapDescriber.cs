using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's ConfigMapDescriber: keys and values, binary keys by size, and the events (whose listing may fail the describe).</summary>
internal sealed class ConfigMapDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var configMap = await context.GetAsync($"/api/v1/namespaces/{ns}/configmaps/{name}", "describe.go:4553");
        var events = await context.EventsOfAsync(configMap, "ConfigMap", tolerateErrors: false);
        var w = new PrefixWriter();
        var metadata = Obj(configMap["metadata"]);
        Header(w, metadata);
        w.Write(0, "\nData\n====\n");
        // Go ranges over the map in random order; sorted is one of the orders it can print.
        foreach (var (key, value) in Obj(configMap["data"]).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            w.Write(0, $"{key}:\n----\n");
            w.Write(0, $"{S(value)}\n");
            w.Write(0, "\n");
        }
        w.Write(0, "\nBinaryData\n====\n");
        foreach (var (key, value) in Obj(configMap["binaryData"]).OrderBy(d => d.Key, StringComparer.Ordinal))
            w.Write(0, $"{key}: {Convert.FromBase64String(S(value)).Length} bytes\n");
        w.Write(0, "\n");
        Events(w, events, context.Now);
        return w.ToString();
    }
}
