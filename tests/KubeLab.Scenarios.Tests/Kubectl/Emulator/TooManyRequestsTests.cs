using KubeLab.ControlPlane;

namespace KubeLab.Scenarios.Tests.Kubectl.Emulator;

/// <summary>
/// The emulated kubectl meets a 429 as client-go does: it waits out Retry-After (on the cluster's clock) and sends
/// again, up to ten times, and then prints the error client-go makes up from the plain-text answer. The wording was
/// observed from kubectl v1.33.9 against a server that always answers 429 with Retry-After.
/// </summary>
public class TooManyRequestsTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_request_refused_by_the_rate_bound_is_sent_again_after_Retry_After()
    {
        var clock = new SimulatedClock(Start);
        var learner = new Learner(clock: clock, limits: new ClusterLimits { RequestsPerSecond = 0.5, Burst = 1 });
        Assert.That(await Learner.SendAsync(learner.Cluster, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"first"}}""", "application/json"),
            Is.EqualTo(201), "the one token of the burst");

        var result = await learner.RunAsync("create", "configmap", "one", "-v=4");

        Assert.That(result.Exit, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo("configmap/one created\n"));
        Assert.That(result.Stderr, Does.Contain("""with_retry.go:234] "Got a Retry-After response" delay="2s" attempt=1 url="https://127.0.0.1:6443/"""));
        var refused = learner.Cluster.Api.Exchanges.Snapshot().Count(e => e.StatusCode == 429);
        Assert.That(refused, Is.Positive);
        Assert.That(clock.GetUtcNow() - Start, Is.EqualTo(TimeSpan.FromSeconds(2 * refused)), "each refusal was waited out on the cluster's clock");
        Assert.That(learner.Cluster.Store.Get("configmaps", "default/one"), Is.Not.Null);
    }

    [Test]
    public async Task After_ten_retries_kubectl_prints_the_made_up_TooManyRequests_error()
    {
        var clock = new SimulatedClock(Start);
        var learner = new Learner(clock: clock, limits: new ClusterLimits { MaxWatches = 1 });
        using var http = new HttpClient(new ControlPlane.Http.InProcess.InProcessHandler(learner.Cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Learner.Token);
        using var open = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/configmaps?watch=true&timeoutSeconds=3600"), HttpCompletionOption.ResponseHeadersRead);
        Assert.That((int)open.StatusCode, Is.EqualTo(200));

        var result = await learner.RunAsync("get", "configmaps", "--watch");

        Assert.That(result.Exit, Is.EqualTo(1));
        Assert.That(result.Stderr, Is.EqualTo("Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later (get configmaps)\n"));
        var refusedWatches = learner.Cluster.Api.Exchanges.Snapshot().Count(e => e.StatusCode == 429 && e.Target.Contains("watch=true"));
        Assert.That(refusedWatches, Is.EqualTo(11), "the first attempt and ten retries");
    }
}
