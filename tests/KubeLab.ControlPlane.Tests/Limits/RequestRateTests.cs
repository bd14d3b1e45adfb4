using KubeLab.ControlPlane.Controllers;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Tests.Controllers;

namespace KubeLab.ControlPlane.Tests.Limits;

/// <summary>
/// RequestsPerSecond and Burst: past the bucket a request gets APF's 429 (plain text, Retry-After), the store is
/// untouched, the bucket refills with the cluster's clock, and the cluster's own components are never refused.
/// </summary>
public class RequestRateTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Test]
    public async Task PastTheBurstARequestIsApfsTooManyRequests()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { RequestsPerSecond = 1, Burst = 2 });
        await c.Json(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"one"}}""", expect: 201);
        await c.Json(HttpMethod.Get, ConfigMaps);
        var revision = c.Cluster.Store.Revision;

        var (status, body, response) = await c.Send(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"two"}}""");

        Assert.That(status, Is.EqualTo(429));
        Assert.That(body, Is.EqualTo("Too many requests, please try again later.\n"));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Retry-After").Single(), Is.EqualTo("1"));
        Assert.That(response.Headers.Contains("X-Kubernetes-Pf-Flowschema-Uid"), Is.True, "APF names the flow schema on a rejection too");
        Assert.That(c.Cluster.Store.Revision, Is.EqualTo(revision));
        Assert.That(c.Cluster.Store.Get("configmaps", "default/two"), Is.Null);
        var trace = c.TraceOf(response).Trace.Entries;
        Assert.That((trace[^1].Stage, trace[^1].Decision), Is.EqualTo((TraceStage.FlowControl, "rejected")));
        Assert.That(trace.Select(e => e.Stage), Does.Not.Contain(TraceStage.Authorization), "refused before authorization, as APF is");
    }

    [Test]
    public async Task TheBucketRefillsAsTheClustersClockMoves()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { RequestsPerSecond = 2, Burst = 2 });
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(429));

        c.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200), "half a second at 2/s is one token");
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(429));

        c.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(429), "a quiet minute refills the bucket only to its burst");
    }

    [Test]
    public async Task RetryAfterIsWhenTheNextTokenComes()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { RequestsPerSecond = 0.25, Burst = 1 });
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        var (_, _, refused) = await c.Send(HttpMethod.Get, ConfigMaps);
        Assert.That(refused.Headers.GetValues("Retry-After").Single(), Is.EqualTo("4"));
        c.Clock.Advance(TimeSpan.FromSeconds(3));
        (_, _, refused) = await c.Send(HttpMethod.Get, ConfigMaps);
        Assert.That(refused.Headers.GetValues("Retry-After").Single(), Is.EqualTo("1"));
        c.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task AComponentIsServedWhileTheLearnersBucketIsEmpty()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { RequestsPerSecond = 1, Burst = 1 });
        c.Cluster.Api.Authenticator.AddToken("scheduler-token", ControllerIdentity.Scheduler.User);
        using var scheduler = c.NewClient("scheduler-token");
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(429));

        for (var i = 0; i < 5; i++)
            Assert.That((await ClusterClient.Send(scheduler, HttpMethod.Get, "/api/v1/pods")).Status, Is.EqualTo(200));
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(429), "the components' requests take nothing from the learner's bucket");
    }

    [Test]
    public async Task ALearnersFloodDoesNotStopTheControllers()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { RequestsPerSecond = 1, Burst = 1 });
        await c.Json(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments",
            """{"metadata":{"name":"web"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}""",
            expect: 201);
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(429));

        await c.Settle();

        Assert.That(c.Cluster.Store.Count("replicasets"), Is.EqualTo(1));
        Assert.That(c.Cluster.Store.Count("pods"), Is.EqualTo(3));
        Assert.That(c.Traces.Where(e => e.StatusCode == 429).Select(e => e.User.Name), Is.EqualTo(new[] { "kubernetes-admin" }),
            "only the learner's request was refused");
    }

    [Test]
    public async Task ImpersonatingAComponentDoesNotEscapeTheBound()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { RequestsPerSecond = 1, Burst = 1 });
        Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pods");
        request.Headers.TryAddWithoutValidation("Impersonate-User", ControllerIdentity.Scheduler.User.Name);
        using var response = await c.Http.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(429));
    }

    [Test]
    public async Task WithoutLimitsNothingIsRefused()
    {
        using var c = new ClusterClient();
        for (var i = 0; i < 200; i++) Assert.That((await c.Send(HttpMethod.Get, ConfigMaps)).Status, Is.EqualTo(200));
    }
}
