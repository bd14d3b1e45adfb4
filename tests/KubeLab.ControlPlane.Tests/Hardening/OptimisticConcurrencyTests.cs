using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>
/// Many writers at once, as controllers and learners write: GET-modify-PUT with the object's resourceVersion, a 409 and
/// a retry on a conflict. No update is lost, every successful write is visible, resourceVersions only grow, and
/// every watcher sees every change once, in order (or a 410, after which it relists and carries on).
/// </summary>
public class OptimisticConcurrencyTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private const int Writers = 6;
    private const int WritesEach = 12;
    private const int Rounds = 15;

    private sealed record Write(string Name, int Value, long ResourceVersion);

    [Test]
    public async Task WritersOfOneObjectLoseNoUpdateAndWatchersSeeEachOnceInOrder()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"counter"},"data":{"n":"0"}}""", expect: 201);
        var startRv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        var watchers = Enumerable.Range(0, 3).Select(_ => Watch(c, "counter", startRv, Rounds)).ToList();

        // Each round every writer reads, then all write with what they read: one wins, the others get a 409 and retry.
        var writes = new ConcurrentBag<Write>();
        var conflicts = 0;
        var barrier = new AsyncBarrier(Writers);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var outcome = await Increment(c, "counter", barrier);
                if (outcome is null) Interlocked.Increment(ref conflicts);
                else writes.Add(outcome);
            }
        })));

        var final = await c.Json(HttpMethod.Get, ConfigMaps + "/counter");
        var ordered = writes.OrderBy(w => w.Value).ToList();
        TestContext.Out.WriteLine($"{writes.Count} successful writes, {conflicts} conflicts (409) retried");
        Assert.Multiple(() =>
        {
            Assert.That(conflicts, Is.EqualTo(Rounds * (Writers - 1)), "one write per round succeeds");
            Assert.That(final["data"]!["n"]!.GetValue<string>(), Is.EqualTo(Rounds.ToString()), "no lost update");
            Assert.That(ordered.Select(w => w.Value), Is.EqualTo(Enumerable.Range(1, Rounds)), "each value written once");
            Assert.That(ordered.Select(w => w.ResourceVersion), Is.Ordered.Ascending.And.Unique, "resourceVersions grow with the writes");
            Assert.That(final["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(ordered[^1].ResourceVersion.ToString()), "the last write is visible");
        });
        foreach (var (seen, _) in await Task.WhenAll(watchers))
            Assert.That(seen, Is.EqualTo(Enumerable.Range(1, Rounds)), "a watcher sees every change once, in order");
    }

    [Test]
    public async Task WritersOfDifferentObjectsNeverConflictAndShareOneRevisionSequence()
    {
        using var c = new ClusterClient();
        for (var i = 0; i < Writers; i++) await c.Json(HttpMethod.Post, ConfigMaps, $$$"""{"metadata":{"name":"own-{{{i}}}"},"data":{"n":"0"}}""", expect: 201);
        var writes = new ConcurrentBag<Write>();
        var conflicts = 0;
        var barrier = new AsyncBarrier(Writers);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            for (var done = 0; done < WritesEach;)
            {
                var outcome = await Increment(c, $"own-{i}", barrier);
                if (outcome is null) Interlocked.Increment(ref conflicts);
                else { writes.Add(outcome); done++; }
            }
        })));
        Assert.That(conflicts, Is.Zero, "one writer per object never conflicts");
        Assert.That(writes.Select(w => w.ResourceVersion), Is.Unique, "one revision per write, cluster-wide");
        foreach (var perObject in writes.GroupBy(w => w.Name))
            Assert.That(perObject.OrderBy(w => w.Value).Select(w => w.ResourceVersion), Is.Ordered.Ascending);
        for (var i = 0; i < Writers; i++)
            Assert.That((await c.Json(HttpMethod.Get, $"{ConfigMaps}/own-{i}"))["data"]!["n"]!.GetValue<string>(), Is.EqualTo(WritesEach.ToString()));
    }

    [Test]
    public async Task AWatcherWhoseStartFellOutOfHistoryGetsA410RelistsAndMissesNothing()
    {
        using var c = new ClusterClient(watchHistory: 8);
        var created = await c.Json(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"counter"},"data":{"n":"0"}}""", expect: 201);
        var startRv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        for (var i = 0; i < 20; i++) Assert.That(await Increment(c, "counter"), Is.Not.Null);
        var watcher = Watch(c, "counter", startRv, 40);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < 5;) if (await Increment(c, "counter") is not null) done++;
        })));
        // Values 1..20 are older than the history: the watcher relists at 20 (or later) and then sees each change once.
        var (seen, relists) = await watcher;
        Assert.That(relists, Is.GreaterThanOrEqualTo(1), "the start was too old: a 410");
        Assert.That(seen[^1], Is.EqualTo(40));
        Assert.That(seen.Zip(seen.Skip(1)).All(p => p.Second == p.First + 1), $"no gap or repeat after the relist: {string.Join(",", seen)}");
    }

    /// <summary>GET, add one, PUT with the read resourceVersion; null on a 409 Conflict. A barrier holds the PUT until all have read.</summary>
    private static async Task<Write?> Increment(ClusterClient c, string name, AsyncBarrier? betweenReadAndWrite = null)
    {
        var current = await c.Json(HttpMethod.Get, $"{ConfigMaps}/{name}");
        if (betweenReadAndWrite is not null) await betweenReadAndWrite.SignalAndWait();
        var next = int.Parse(current["data"]!["n"]!.GetValue<string>()) + 1;
        current["data"]!["n"] = next.ToString();
        var (status, body, _) = await c.Send(HttpMethod.Put, $"{ConfigMaps}/{name}", current.ToJsonString());
        if (status == 409)
        {
            Assert.That(body, Does.Contain("the object has been modified"));
            return null;
        }
        Assert.That(status, Is.EqualTo(200), body);
        return new Write(name, next, long.Parse(JsonNode.Parse(body)!["metadata"]!["resourceVersion"]!.GetValue<string>()));
    }

    /// <summary>
    /// The values of <c>data.n</c> a watcher sees from <paramref name="resourceVersion"/> on until <paramref name="last"/>:
    /// on a 410 it lists, records the listed value (as a reflector's relist does) and watches again from the list.
    /// </summary>
    private static async Task<(List<int> Seen, int Relists)> Watch(ClusterClient c, string name, string resourceVersion, int last)
    {
        var seen = new List<int>();
        var relists = 0;
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (seen.Count == 0 || seen[^1] < last)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{ConfigMaps}?watch=true&fieldSelector=metadata.name%3D{name}&resourceVersion={resourceVersion}");
            using var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, hang.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(hang.Token));
            while ((seen.Count == 0 || seen[^1] < last) && await reader.ReadLineAsync(hang.Token) is { } line)
            {
                var change = JsonNode.Parse(line)!;
                if (change["type"]!.GetValue<string>() == "ERROR")
                {
                    Assert.That(change["object"]!["code"]!.GetValue<int>(), Is.EqualTo(410), line);
                    var list = await c.Json(HttpMethod.Get, $"{ConfigMaps}?fieldSelector=metadata.name%3D{name}");
                    resourceVersion = list["metadata"]!["resourceVersion"]!.GetValue<string>();
                    seen.Add(int.Parse(list["items"]![0]!["data"]!["n"]!.GetValue<string>()));
                    relists++;
                    break;
                }
                Assert.That(change["type"]!.GetValue<string>(), Is.EqualTo("MODIFIED"), line);
                seen.Add(int.Parse(change["object"]!["data"]!["n"]!.GetValue<string>()));
                resourceVersion = change["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>();
            }
        }
        return (seen, relists);
    }
}
