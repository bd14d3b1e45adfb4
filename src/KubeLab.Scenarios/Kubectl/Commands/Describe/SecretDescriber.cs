using System.Text;
using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's SecretDescriber: the type and each key's size, never a value (except a service account token's token).</summary>
internal sealed class SecretDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var secret = await context.GetAsync($"/api/v1/namespaces/{ns}/secrets/{name}", "describe.go:2564");
        var w = new PrefixWriter();
        var metadata = Obj(secret["metadata"]);
        var type = S(secret["type"]);
        Header(w, metadata);
        w.Write(0, $"\nType:\t{type}\n");
        w.Write(0, "\nData\n====\n");
        // Go ranges over the map in random order; sorted is one of the orders it can print.
        foreach (var (key, value) in Obj(secret["data"]).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var bytes = Convert.FromBase64String(S(value));
            w.Write(0, key == "token" && type == "kubernetes.io/service-account-token"
                ? $"{key}:\t{Encoding.UTF8.GetString(bytes)}\n"
                : $"{key}:\t{bytes.Length} bytes\n");
        }
        return w.ToString();
    }
}
