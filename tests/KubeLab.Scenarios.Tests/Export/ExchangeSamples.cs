using KubeLab.Scenarios.Http;
using KubeLab.Scenarios.Tests.Http;

namespace KubeLab.Scenarios.Tests.Export;

/// <summary>
/// A small session against a simulated API server that has one of each kind of exchange the exporters
/// must carry: a kubectl GET, a protobuf POST, a curl POST, a 404, a response over 2 KiB (chunked) and
/// a watch that streams an event, each a simulated second apart.
/// </summary>
internal static class ExchangeSamples
{
    public const string KubectlAgent = "kubectl/v1.33.9 (linux/amd64) kubernetes/69220b6";

    public static readonly byte[] NamespaceProtobuf = Convert.FromHexString("6b3873000a0f0a0276311209" + "4e616d657370616365" + "121f0a170a07726f647269676f" +
        "12001a0022002a00320038004200" + "12001a020a00" + "1a002200");

    public static async Task<IReadOnlyList<WireExchange>> Create()
    {
        var cluster = new WireCluster();
        var exchanges = new List<WireExchange>();
        (string, string)[] kubectl = [("User-Agent", KubectlAgent), WireCluster.Bearer, ("Accept-Encoding", "gzip")];

        exchanges.Add(await cluster.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500",
            [.. kubectl, ("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"), ("Kubectl-Command", "kubectl get")]));
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        exchanges.Add(await cluster.Send(HttpMethod.Post, "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict",
            [.. kubectl, ("Accept", "application/vnd.kubernetes.protobuf,application/json"), ("Kubectl-Command", "kubectl create namespace")],
            NamespaceProtobuf, [("Content-Type", "application/vnd.kubernetes.protobuf"), ("Content-Length", NamespaceProtobuf.Length.ToString())]));
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var json = """{"metadata":{"name":"web"},"data":{"mode":"fast"}}"""u8.ToArray();
        exchanges.Add(await cluster.Send(HttpMethod.Post, "/api/v1/namespaces/rodrigo/configmaps", [("User-Agent", "curl/7.88.1"), ("Accept", "*/*"), WireCluster.Bearer],
            json, [("Content-Type", "application/json"), ("Content-Length", json.Length.ToString())]));
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        exchanges.Add(await cluster.Send(HttpMethod.Get, "/api/v1/namespaces/nope", [.. kubectl, ("Accept", "application/json")]));
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        exchanges.Add(await cluster.Send(HttpMethod.Get, "/api/v1", [.. kubectl, ("Accept", "application/json, */*")]));
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));

        var watch = cluster.Send(HttpMethod.Get, "/api/v1/namespaces/rodrigo/configmaps?resourceVersion=0&timeoutSeconds=5&watch=true",
            [.. kubectl, ("Accept", "application/json")]);
        for (var i = 0; i < 500 && !cluster.Cluster.Api.Exchanges.Snapshot().Any(e => e.Target.Contains("watch=true") && e.ResponseChunks.Count > 0); i++)
            await Task.Delay(10);
        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        exchanges.Add(await watch);
        return exchanges;
    }
}
