using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.Benchmarks;

/// <summary>
/// Update throughput under concurrent writers: 4 writers × 250 updates of their own ConfigMaps, through
/// the versioned store (revision, encoding, history, notification) and through the registry (strategy,
/// validation, admission, managed fields, then the store). The baseline, from the same run, is the same
/// writers setting entries of a plain Dictionary under one lock.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StoreWriteBenchmarks
{
    private const int Writers = 4;
    private const int UpdatesPerWriter = 250;
    private readonly Dictionary<string, ConfigMap> _dictionary = [];
    private readonly Lock _dictionaryLock = new();
    private Cluster _cluster = null!;
    private VersionedStore _store = null!;
    private ResourceRegistry _configMaps = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = new Cluster(new ClusterOptions { Seed = 1, WatchHistory = 10_000 });
        _store = _cluster.Store;
        _configMaps = _cluster.Registry("", "configmaps");
        for (var w = 0; w < Writers; w++)
            for (var i = 0; i < UpdatesPerWriter; i++)
                _configMaps.Create("default", New(w, i, 0), RequestContext.System());
    }

    private static ConfigMap New(int writer, int item, int version) => new()
    {
        Kind = "ConfigMap",
        ApiVersion = "v1",
        Metadata = new ObjectMeta { Name = $"w{writer}-{item:D3}", Namespace = "default" },
        Data = new() { ["version"] = version.ToString(), ["writer"] = writer.ToString() },
    };

    private static Task Concurrently(Action<int, int> update) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < UpdatesPerWriter; i++) update(w, i);
        })));

    [Benchmark(Baseline = true, Description = "Locked Dictionary, 4 writers × 250 (baseline)"), BenchmarkCategory("Writes")]
    public Task LockedDictionary() => Concurrently((w, i) =>
    {
        var value = New(w, i, i);
        lock (_dictionaryLock) _dictionary[value.Metadata.Name!] = value;
    });

    [Benchmark(Description = "VersionedStore.Put, 4 writers × 250"), BenchmarkCategory("Writes")]
    public Task StorePut() => Concurrently((w, i) =>
    {
        var value = New(w, i, i);
        _store.Put("configmaps", $"default/{value.Metadata.Name}", value);
    });

    [Benchmark(Description = "ResourceRegistry.Update, 4 writers × 250"), BenchmarkCategory("Writes")]
    public Task RegistryUpdate() => Concurrently((w, i) =>
    {
        var value = New(w, i, Environment.TickCount);
        _configMaps.Update("default", value.Metadata.Name!, value, RequestContext.System());
    });
}
