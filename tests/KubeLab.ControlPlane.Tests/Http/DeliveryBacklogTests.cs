using KubeLab.ControlPlane.Http;

namespace KubeLab.ControlPlane.Tests.Http;

/// <summary>
/// The backlog is what lets a lesson runner know that a streaming client has everything the server had for it:
/// clear only while every open stream's handler waits and every byte written has been read past.
/// </summary>
public class DeliveryBacklogTests
{
    private static async Task Eventually(DeliveryBacklog backlog, bool clear)
    {
        // The server runs on other threads: wait (boundedly) for a state that must come, never for time to pass.
        for (var i = 0; i < 1000 && backlog.IsClear != clear; i++) await Task.Delay(5);
        Assert.That(backlog.IsClear, Is.EqualTo(clear));
    }

    [Test]
    public async Task AnAnsweredRequestOwesNothing()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/configmaps");
        Assert.That(c.Cluster.Api.Backlog.IsClear);
    }

    [Test]
    public async Task AWatchEventIsOwedUntilItsReaderComesBackForMore()
    {
        using var c = new ClusterClient();
        var backlog = c.Cluster.Api.Backlog;
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={c.Cluster.Store.Revision}");
        using var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = reader.ReadLineAsync();
        await Eventually(backlog, clear: true);
        Assert.That(first.IsCompleted, Is.False, "nothing has happened yet");

        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""", expect: 201);
        Assert.That(backlog.IsClear, Is.False, "the event is on its way");
        Assert.That(await first, Does.StartWith("""{"type":"ADDED","""));
        Assert.That(backlog.IsClear, Is.False, "the reader has the line but has not come back for more");

        var second = reader.ReadLineAsync();
        await Eventually(backlog, clear: true);
        Assert.That(second.IsCompleted, Is.False);

        response.Dispose();
        await Eventually(backlog, clear: true);
    }

    [Test]
    public async Task AnEndedStreamIsOwedUntilItsReaderClosesIt()
    {
        using var c = new ClusterClient(watchHistory: 5);
        var backlog = c.Cluster.Api.Backlog;
        var response = await c.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1"),
            HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.That(await reader.ReadLineAsync(), Does.Contain("too old resource version"));
        Assert.That(await reader.ReadLineAsync(), Is.Null);
        Assert.That(backlog.IsClear, Is.False, "the reader has seen the end but not let go");
        reader.Dispose();
        response.Dispose();
        Assert.That(backlog.IsClear);
    }
}
