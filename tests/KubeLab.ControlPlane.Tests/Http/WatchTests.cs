using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Http;

public class WatchTests
{
    private static async Task<List<JsonNode>> ReadEvents(HttpResponseMessage response, int count)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<JsonNode>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
            events.Add(JsonNode.Parse(line)!);
        return events;
    }

    private static async Task<HttpResponseMessage> Open(ClusterClient c, string query, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=true&" + query);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Test]
    public async Task WithoutAResourceVersionTheCurrentStateComesAsAdded()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        using var response = await Open(c, "");
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"two"}}""", expect: 201);
        var events = await ReadEvents(response, 2);
        Assert.That(events.Select(e => $"{e["type"]} {e["object"]!["metadata"]!["name"]}"), Is.EqualTo(new[] { "ADDED one", "ADDED two" }));
        Assert.That(events[0]["object"]!["kind"]!.GetValue<string>(), Is.EqualTo("ConfigMap"));
    }

    [Test]
    public async Task FromAResourceVersionOnlyLaterChangesArrive()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        var rv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/one");
        using var response = await Open(c, $"resourceVersion={rv}");
        var events = await ReadEvents(response, 1);
        Assert.That(events[0]["type"]!.GetValue<string>(), Is.EqualTo("DELETED"));
        Assert.That(long.Parse(events[0]["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>()), Is.GreaterThan(long.Parse(rv)));
    }

    [Test]
    public async Task ATooOldVersionIsA410ErrorEvent()
    {
        using var c = new ClusterClient(watchHistory: 5);
        using var response = await Open(c, "resourceVersion=1");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var events = await ReadEvents(response, 1);
        Assert.That(events[0].ToJsonString(), Does.Match("""^\{"type":"ERROR","object":\{"kind":"Status","apiVersion":"v1","metadata":\{\},"status":"Failure","message":"too old resource version: 1 \(\d+\)","reason":"Expired","code":410\}\}$"""));
    }

    [Test]
    public async Task AVersionFromBeforeTheServerStartedIsTooOldAndTheErrorNamesTheOldestItCanStartFrom()
    {
        using var c = new ClusterClient();
        // What bootstrap wrote is older than the watch cache: the oldest start is the revision the server began at.
        var started = c.Cluster.Store.Revision;
        var created = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);

        using var tooOld = await Open(c, "resourceVersion=1");
        var events = await ReadEvents(tooOld, 1);
        Assert.That(events[0]["object"]!["message"]!.GetValue<string>(), Is.EqualTo($"too old resource version: 1 ({started})"));

        using var oldest = await Open(c, $"resourceVersion={started}");
        var replayed = await ReadEvents(oldest, 1);
        Assert.That(replayed[0]["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(replayed[0]["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(created["metadata"]!["resourceVersion"]!.GetValue<string>()));
    }

    [Test]
    public async Task TableWatchesSendColumnDefinitionsOnlyFirst()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"two"}}""", expect: 201);
        using var response = await Open(c, "", "application/json;as=Table;v=v1;g=meta.k8s.io");
        var events = await ReadEvents(response, 2);
        Assert.That(events[0]["object"]!["columnDefinitions"]!.AsArray(), Is.Not.Empty);
        Assert.That(events[1]["object"]!.AsObject().ContainsKey("columnDefinitions"), Is.True);
        Assert.That(events[1]["object"]!["columnDefinitions"], Is.Null);
    }

    [Test]
    public async Task LeavingALabelSelectionIsADeletedEvent()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one","labels":{"app":"web"}}}""", expect: 201);
        using var response = await Open(c, $"labelSelector=app%3Dweb&resourceVersion={created["metadata"]!["resourceVersion"]}");
        await c.Json(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/one", """{"metadata":{"name":"one","labels":{"app":"db"}}}""");
        var events = await ReadEvents(response, 1);
        Assert.That(events[0]["type"]!.GetValue<string>(), Is.EqualTo("DELETED"));
    }

    [Test]
    public async Task TimeoutSecondsEndsTheStreamWhenTheClusterClockReachesIt()
    {
        using var c = new ClusterClient();
        using var response = await Open(c, "timeoutSeconds=30");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var end = reader.ReadToEndAsync();
        c.Clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.That(end.IsCompleted, Is.False, "the watch is still open a second before its timeout");
        c.Clock.Advance(TimeSpan.FromSeconds(1));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.That(await end.WaitAsync(guard.Token), Is.Empty);
    }

    [Test]
    public async Task BookmarksCarryTheCurrentResourceVersionEveryMinuteWhenAllowed()
    {
        using var c = new ClusterClient();
        using var response = await Open(c, "allowWatchBookmarks=true&timeoutSeconds=300&resourceVersion=" + c.Cluster.Store.Revision);
        var changed = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/kube-system/configmaps", """{"metadata":{"name":"elsewhere"}}""", expect: 201);
        c.Clock.Advance(TimeSpan.FromSeconds(60));
        var events = await ReadEvents(response, 2);
        Assert.That(events[0]["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(events[1].ToJsonString(), Is.EqualTo(
            """{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"RV","creationTimestamp":null}}}""".Replace("RV", c.Cluster.Store.Revision.ToString())));
        Assert.That(long.Parse(changed["metadata"]!["resourceVersion"]!.GetValue<string>()), Is.LessThan(c.Cluster.Store.Revision));
    }

    [Test]
    public async Task NoBookmarksUnlessAsked()
    {
        using var c = new ClusterClient();
        using var response = await Open(c, "timeoutSeconds=130");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var all = reader.ReadToEndAsync();
        c.Clock.Advance(TimeSpan.FromSeconds(130));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.That(await all.WaitAsync(guard.Token), Is.Empty);
    }

    [Test]
    public async Task WatchOneIsAWatchAsGoParsesBooleans()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=1");
        using var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = await ReadEvents(response, 1);
        Assert.That($"{events[0]["type"]} {events[0]["object"]!["metadata"]!["name"]}", Is.EqualTo("ADDED one"));
    }
}

public class WatchHeaderTests
{
    [Test]
    public async Task HeadersArriveBeforeAnyEvent()
    {
        using var c = new ClusterClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={c.Cluster.Store.Revision}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }
}
