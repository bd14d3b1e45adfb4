using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
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
/// One change delivered to 1,000 open watches (<c>GET …/configmaps?watch=true</c> through the whole API
/// server, in process): the time from the write until every watcher has read its event line. The
/// baseline, from the same run, hands the same bytes to 1,000 readers through plain channels.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WatchFanOutBenchmarks
{
    private const int Watchers = 1000;
    private readonly List<Task> _readers = [];
    private readonly CancellationTokenSource _stop = new();
    private Cluster _cluster = null!;
    private ResourceRegistry _configMaps = null!;
    private Channel<byte[]>[] _channels = null!;
    private CountdownEvent _delivered = null!;
    private byte[] _eventLine = null!;
    private int _version;

    [GlobalSetup]
    public async Task Setup()
    {
        _cluster = new Cluster(new ClusterOptions { Seed = 1 });
        _cluster.Api.Authenticator.AddToken("bench", new UserInfo("bench", ["system:masters"]));
        _configMaps = _cluster.Registry("", "configmaps");
        _configMaps.Create("default", new ConfigMap { Metadata = new ObjectMeta { Name = "watched" }, Data = new() { ["v"] = "0" } }, RequestContext.System());
        _delivered = new CountdownEvent(Watchers);
        var revision = _cluster.Store.Revision;
        for (var i = 0; i < Watchers; i++)
        {
            var client = new HttpClient(new InProcessHandler(_cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get,
                $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={revision}"), HttpCompletionOption.ResponseHeadersRead);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            _readers.Add(Task.Run(async () =>
            {
                while (await reader.ReadLineAsync(_stop.Token) is not null) _delivered.Signal();
            }));
        }

        _eventLine = Encoding.UTF8.GetBytes("{\"type\":\"MODIFIED\",\"object\":" + Encoding.UTF8.GetString(_cluster.Store.List("configmaps").Items[0].Json) + "}\n");
        _channels = Enumerable.Range(0, Watchers).Select(_ => Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        foreach (var channel in _channels)
            _readers.Add(Task.Run(async () =>
            {
                await foreach (var _ in channel.Reader.ReadAllAsync(_stop.Token)) _delivered.Signal();
            }));
    }

    [Benchmark(Baseline = true, Description = "Channel fan-out of one event line to 1,000 readers (baseline)"), BenchmarkCategory("FanOut")]
    public void ChannelFanOut()
    {
        _delivered.Reset(Watchers);
        foreach (var channel in _channels) channel.Writer.TryWrite(_eventLine);
        _delivered.Wait();
    }

    [Benchmark(Description = "One update delivered to 1,000 API watches"), BenchmarkCategory("FanOut")]
    public void WatchFanOut()
    {
        _delivered.Reset(Watchers);
        var update = new ConfigMap { Metadata = new ObjectMeta { Name = "watched" }, Data = new() { ["v"] = (++_version).ToString() } };
        _configMaps.Update("default", "watched", update, RequestContext.System());
        _delivered.Wait();
    }

    [GlobalCleanup]
    public void Cleanup() => _stop.Cancel();
}
