using System.Collections.Concurrent;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>Creates and deletes racing for one name, and deletes guarded by preconditions: one winner, a clear answer for the rest.</summary>
public class ConcurrentLifecycleTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Test]
    public async Task RacingCreatesAndDeletesOfOneNameHaveOneWinnerEachRound()
    {
        using var c = new ClusterClient();
        // Each round all racers create the name at once, then all delete it at once.
        const int racers = 6, rounds = 10;
        var codes = new ConcurrentBag<(string Verb, int Code)>();
        var barrier = new AsyncBarrier(racers);
        await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < rounds; i++)
            {
                await barrier.SignalAndWait();
                codes.Add(("create", (await c.Send(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"flip"}}""")).Status));
                await barrier.SignalAndWait();
                codes.Add(("delete", (await c.Send(HttpMethod.Delete, ConfigMaps + "/flip")).Status));
            }
        })));
        var created = codes.Count(e => e is ("create", 201));
        var deleted = codes.Count(e => e is ("delete", 200));
        TestContext.Out.WriteLine($"creates 201×{created}, 409×{codes.Count(e => e is ("create", 409))}; deletes 200×{deleted}, 404×{codes.Count(e => e is ("delete", 404))}");
        var remaining = (await c.Send(HttpMethod.Get, ConfigMaps + "/flip")).Status;
        Assert.Multiple(() =>
        {
            Assert.That(codes.Where(e => e.Verb == "create").Select(e => e.Code), Is.All.EqualTo(201).Or.EqualTo(409));
            Assert.That(codes.Where(e => e.Verb == "delete").Select(e => e.Code), Is.All.EqualTo(200).Or.EqualTo(404));
            Assert.That((created, deleted), Is.EqualTo((rounds, rounds)), "one create and one delete win each round");
            Assert.That(remaining, Is.EqualTo(404), "the last delete won");
        });
    }

    [Test]
    public async Task OfDeletesGuardedByOneResourceVersionExactlyOneWins()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"guarded"}}""", expect: 201);
        var rv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        var body = $$$"""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"{{{rv}}}"}}""";
        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => (await c.Send(HttpMethod.Delete, ConfigMaps + "/guarded", body)).Status)));
        Assert.That(codes.Count(s => s == 200), Is.EqualTo(1));
        Assert.That(codes.Where(s => s != 200), Is.All.EqualTo(404).Or.EqualTo(409));
    }

    [Test]
    public async Task ADeleteWhosePreconditionAnUpdateOvertookIsRefusedAndDeletesNothing()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"guarded"},"data":{"a":"1"}}""", expect: 201);
        var rv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        await c.Json(HttpMethod.Patch, ConfigMaps + "/guarded", """{"data":{"a":"2"}}""", "application/merge-patch+json");
        var before = StoreFingerprint.Of(c.Cluster);
        var (status, text, _) = await c.Send(HttpMethod.Delete, ConfigMaps + "/guarded",
            $$$"""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"{{{rv}}}"}}""");
        Assert.That(status, Is.EqualTo(409));
        Assert.That(text, Does.Contain($"Precondition failed: ResourceVersion in precondition: {rv}"));
        Assert.That(StoreFingerprint.Of(c.Cluster), Is.EqualTo(before));
    }
}
