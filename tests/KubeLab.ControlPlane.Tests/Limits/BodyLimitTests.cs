using Microsoft.Extensions.Configuration;

namespace KubeLab.ControlPlane.Tests.Limits;

/// <summary>MaxRequestBodyBytes, and limits read from a host's configuration.</summary>
public class BodyLimitTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    /// <summary>A ConfigMap exactly <paramref name="size"/> bytes long.</summary>
    private static string ConfigMapOfSize(string name, int size)
    {
        var shell = $$$"""{"metadata":{"name":"{{{name}}}"},"data":{"a":""}}""";
        return shell.Replace("\"a\":\"\"", $"\"a\":\"{new string('x', size - shell.Length)}\"");
    }

    [Test]
    public async Task ABodyAtTheLimitIsReadAndOneByteMoreIs413()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxRequestBodyBytes = 1024 });
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMapOfSize("fits", 1024), expect: 201);
        var revision = c.Cluster.Store.Revision;

        var (status, body, _) = await c.Send(HttpMethod.Post, ConfigMaps, ConfigMapOfSize("big", 1025));

        Assert.That(status, Is.EqualTo(413));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Request entity too large: limit is 1024","reason":"RequestEntityTooLarge","code":413}""" + "\n"));
        Assert.That(c.Cluster.Store.Revision, Is.EqualTo(revision));
        Assert.That(c.Cluster.Store.Get("configmaps", "default/big"), Is.Null);
    }

    [Test]
    public async Task UpdatesAndPatchesHaveTheSameLimit()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxRequestBodyBytes = 1024 });
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMapOfSize("cfg", 100), expect: 201);
        Assert.That((await c.Send(HttpMethod.Put, $"{ConfigMaps}/cfg", ConfigMapOfSize("cfg", 2000))).Status, Is.EqualTo(413));
        Assert.That((await c.Send(HttpMethod.Patch, $"{ConfigMaps}/cfg", ConfigMapOfSize("cfg", 2000), "application/merge-patch+json")).Status, Is.EqualTo(413));
        Assert.That(c.Cluster.Store.Get("configmaps", "default/cfg")!.Json.Length, Is.LessThan(1024));
    }

    [Test]
    public void LimitsBindFromTheLearnersLimitsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Learners:Limits:MaxObjects"] = "500",
            ["Learners:Limits:MaxRequestBodyBytes"] = "1048576",
            ["Learners:Limits:MaxWatches"] = "20",
            ["Learners:Limits:RequestsPerSecond"] = "20",
            ["Learners:Limits:Burst"] = "40",
        }).Build();
        Assert.That(ClusterLimits.FromConfiguration(configuration), Is.EqualTo(new ClusterLimits
        {
            MaxObjects = 500, MaxRequestBodyBytes = 1 << 20, MaxWatches = 20, RequestsPerSecond = 20, Burst = 40,
        }));
    }

    [Test]
    public void AnAbsentSectionIsTheDefault()
    {
        var limits = ClusterLimits.FromConfiguration(new ConfigurationBuilder().Build());
        Assert.That(limits, Is.EqualTo(ClusterLimits.Default));
        Assert.That(limits.MaxRequestBodyBytes, Is.EqualTo(3 * 1024 * 1024));
    }

    [Test]
    public void WhatTheSectionDoesNotNameKeepsTheHostsDefault()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Learners:Limits:MaxWatches"] = "3",
        }).Build();
        var defaults = new ClusterLimits { MaxObjects = 500, MaxWatches = 20, RequestsPerSecond = 20, Burst = 40 };
        Assert.That(ClusterLimits.FromConfiguration(configuration, defaults), Is.EqualTo(defaults with { MaxWatches = 3 }));
        Assert.That(defaults.MaxWatches, Is.EqualTo(20), "the defaults themselves are left as they were");
    }

    [TestCase("MaxObjects", "0", "Learners:Limits:MaxObjects must be positive")]
    [TestCase("RequestsPerSecond", "-1", "Learners:Limits:RequestsPerSecond must be a positive number")]
    [TestCase("Burst", "5", "Learners:Limits:Burst needs Learners:Limits:RequestsPerSecond")]
    public void NonsenseIsRefusedWhenTheHostStarts(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Learners:Limits:" + key] = value }).Build();
        var error = Assert.Catch<ArgumentException>(() => ClusterLimits.FromConfiguration(configuration));
        Assert.That(error!.Message, Does.StartWith(message));
    }
}
