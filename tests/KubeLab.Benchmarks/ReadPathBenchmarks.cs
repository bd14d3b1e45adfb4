using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Registry;

namespace KubeLab.Benchmarks;

/// <summary>
/// GET one pod and LIST 1,000 pods through the whole API server pipeline (authentication, request info,
/// registry, encoding), as JSON and as the Table kubectl asks for. The baseline of each category is
/// System.Text.Json serializing the same objects, so the ratio is the cost of being an API server.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ReadPathBenchmarks
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    private HttpClient _client = null!;
    private Pod _pod = null!;
    private KubeList<Pod> _pods = null!;
    private static readonly JsonSerializerOptions PlainJson = new(JsonSerializerDefaults.Web);

    [GlobalSetup]
    public void Setup()
    {
        var cluster = new Cluster(new ClusterOptions { Seed = 1 });
        cluster.Api.Authenticator.AddToken("bench", new UserInfo("bench", ["system:masters"]));
        var registry = cluster.Registry("", "pods");
        for (var i = 0; i < 1000; i++)
            registry.Create("default", new Pod
            {
                Metadata = new ObjectMeta { Name = $"web-{i:D4}", Labels = new() { ["app"] = "web" } },
                Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = "nginx:1.27", Ports = [new ContainerPort { Number = 80 }] }] },
            }, RequestContext.System());
        _client = new HttpClient(new InProcessHandler(cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        var items = registry.List("default", ListOptions.Everything, RequestContext.System()).Items.Select(s => (Pod)s.Object).ToList();
        _pod = items[500];
        _pods = new KubeList<Pod> { Kind = "PodList", ApiVersion = "v1", Items = items };
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public byte[] GetBaselineSystemTextJson() => JsonSerializer.SerializeToUtf8Bytes(_pod, PlainJson);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<byte[]> GetJson() => Send("/api/v1/namespaces/default/pods/web-0500", "application/json");

    [Benchmark, BenchmarkCategory("Get")]
    public Task<byte[]> GetTable() => Send("/api/v1/namespaces/default/pods/web-0500", TableAccept);

    [Benchmark(Baseline = true), BenchmarkCategory("List")]
    public byte[] ListBaselineSystemTextJson() => JsonSerializer.SerializeToUtf8Bytes(_pods, PlainJson);

    [Benchmark, BenchmarkCategory("List")]
    public Task<byte[]> ListJson() => Send("/api/v1/namespaces/default/pods", "application/json");

    [Benchmark, BenchmarkCategory("List")]
    public Task<byte[]> ListTable() => Send("/api/v1/namespaces/default/pods", TableAccept);

    private async Task<byte[]> Send(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _client.SendAsync(request);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
