namespace KubeLab.ControlPlane.Tests.Limits;

/// <summary>MaxWatches: open streams beyond it get APF's 429; a stream that ends gives its place back.</summary>
public class WatchBoundTests
{
    private static Task<HttpResponseMessage> Watch(HttpClient client, int timeoutSeconds = 60) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds={timeoutSeconds}"),
            HttpCompletionOption.ResponseHeadersRead);

    [Test]
    public async Task AWatchBeyondTheBoundIsTooManyRequestsAndAnEndedOneMakesRoom()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxWatches = 2 });
        using var first = await Watch(c.Http, timeoutSeconds: 30);
        using var second = await Watch(c.Http, timeoutSeconds: 90);
        Assert.That(((int)first.StatusCode, (int)second.StatusCode), Is.EqualTo((200, 200)));
        Assert.That(c.Cluster.Api.FlowControl.OpenWatches, Is.EqualTo(2));

        using (var refused = await Watch(c.Http))
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(429));
            Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo("Too many requests, please try again later.\n"));
            Assert.That(refused.Headers.GetValues("Retry-After").Single(), Is.EqualTo("1"));
        }
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/configmaps")).Status, Is.EqualTo(200), "a list is not a watch");

        c.Clock.Advance(TimeSpan.FromSeconds(30));
        await first.Content.ReadAsStringAsync();
        Assert.That(c.Cluster.Api.FlowControl.OpenWatches, Is.EqualTo(1));
        using var third = await Watch(c.Http);
        Assert.That((int)third.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task AFollowedLogCountsAsAnOpenStream()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxWatches = 1 });
        using var watch = await Watch(c.Http);
        var (status, body, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/web/log?follow=true");
        Assert.That((status, body), Is.EqualTo((429, "Too many requests, please try again later.\n")));
        var (unfollowed, _, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/web/log");
        Assert.That(unfollowed, Is.EqualTo(404), "a log read once is not a stream: it goes on to the handler");
    }

    [Test]
    public async Task ComponentsWatchesAreNotCounted()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxWatches = 1 });
        var kubelet = c.Cluster.Controllers.Identities.First(i => i.User.Groups.Contains("system:nodes"));
        c.Cluster.Api.Authenticator.AddToken("kubelet-token", kubelet.User);
        using var kubeletClient = c.NewClient("kubelet-token");
        using var learners = await Watch(c.Http);
        using var components = await kubeletClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/pods?watch=true&fieldSelector=spec.nodeName%3D" + kubelet.User.Name["system:node:".Length..]),
            HttpCompletionOption.ResponseHeadersRead);
        Assert.That(((int)learners.StatusCode, (int)components.StatusCode), Is.EqualTo((200, 200)));
        Assert.That(c.Cluster.Api.FlowControl.OpenWatches, Is.EqualTo(1));
    }
}
