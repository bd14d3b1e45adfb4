using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

/// <summary>pods/log: the options, the kubelet's refusals, and followed streams on the simulated clock.</summary>
public class PodLogTests
{
    private const string Ticker = """{"metadata":{"name":"ticker"},"spec":{"containers":[{"name":"c","image":"busybox","command":["sh","-c","i=1; while true; do echo \"tick $i at $(date +%T)\"; i=$((i+1)); sleep 5; done"]}]}}""";

    private static async Task<string> Error(ClusterClient c, string path, int expect)
    {
        var (status, body, _) = await c.Send(HttpMethod.Get, path);
        Assert.That(status, Is.EqualTo(expect), body);
        return JsonNode.Parse(body)!["message"].Text();
    }

    [Test]
    public async Task AnUnscheduledPodHasAnEmptyLog()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        Assert.That(await c.Logs("nginx"), Is.Empty);
    }

    [Test]
    public async Task AContainerNotStartedYetIsWaitingToStart()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        await c.Settle();
        Assert.That(await Error(c, "/api/v1/namespaces/default/pods/nginx/log", 400),
            Is.EqualTo("container \"nginx\" in pod \"nginx\" is waiting to start: ContainerCreating"));
        Assert.That(await Error(c, "/api/v1/namespaces/default/pods/nope/log", 404), Is.EqualTo("pods \"nope\" not found"));
    }

    [Test]
    public async Task SeveralContainersNeedAName()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"two"},"spec":{"containers":[{"name":"a","image":"nginx"},{"name":"b","image":"redis"}]}}""");
        await c.Run(5);
        Assert.That(await Error(c, "/api/v1/namespaces/default/pods/two/log", 400),
            Is.EqualTo("a container name must be specified for pod two, choose one of: [a b]"));
        Assert.That(await Error(c, "/api/v1/namespaces/default/pods/two/log?container=x", 400), Is.EqualTo("container x is not valid for pod two"));
        Assert.That(await c.Logs("two", "container=b"), Does.Contain("* Ready to accept connections tcp\n"));
    }

    [Test]
    public async Task PreviousNeedsARestart()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        await c.Run(3);
        Assert.That(await Error(c, "/api/v1/namespaces/default/pods/nginx/log?previous=true", 400),
            Is.EqualTo("previous terminated container \"nginx\" in pod \"nginx\" not found"));
    }

    [TestCase("tailLines=-1", "PodLogOptions \"nginx\" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0")]
    [TestCase("sinceSeconds=0", "PodLogOptions \"nginx\" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0")]
    [TestCase("limitBytes=0", "PodLogOptions \"nginx\" is invalid: limitBytes: Invalid value: 0: must be greater than 0")]
    public async Task InvalidOptionsAreRefused(string query, string message)
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        Assert.That(await Error(c, "/api/v1/namespaces/default/pods/nginx/log?" + query, 422), Is.EqualTo(message));
    }

    [Test]
    public async Task NginxPrintsItsStartupThenLogsRequests()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        await c.Run(3);
        var startup = await c.Logs("nginx");
        Assert.That(startup, Does.StartWith("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n"));
        Assert.That(startup, Does.Contain("[notice] 1#1: start worker process 32\n"), "one worker per CPU of worker-1");
        await c.Run(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10));
        var later = await c.Logs("nginx");
        Assert.That(later, Does.StartWith(startup));
        Assert.That(later[startup.Length..], Does.Match("(^|\n)10\\.244\\.1\\.1 - - \\[01/Jan/2025:00:0\\d:\\d\\d \\+0000\\] \"GET / HTTP/1.1\" 200 615 "));
    }

    [Test]
    public async Task TailTimestampsSinceAndLimit()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Ticker);
        await c.Run(TimeSpan.FromSeconds(22), TimeSpan.FromSeconds(1));
        Assert.That(await c.Logs("ticker"), Is.EqualTo("tick 1 at 00:00:00\ntick 2 at 00:00:05\ntick 3 at 00:00:10\ntick 4 at 00:00:15\ntick 5 at 00:00:20\n"));
        Assert.That(await c.Logs("ticker", "tailLines=2"), Is.EqualTo("tick 4 at 00:00:15\ntick 5 at 00:00:20\n"));
        Assert.That(await c.Logs("ticker", "tailLines=1&timestamps=true"), Does.Match("^2025-01-01T00:00:20\\.\\d{9}Z tick 5 at 00:00:20\n$"));
        Assert.That(await c.Logs("ticker", "sinceSeconds=7"), Is.EqualTo("tick 4 at 00:00:15\ntick 5 at 00:00:20\n"));
        Assert.That(await c.Logs("ticker", "limitBytes=12"), Is.EqualTo("tick 1 at 00"));
    }

    [Test]
    public async Task FollowStreamsLinesAsTheClockMovesAndEndsWhenTheContainerStops()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Ticker);
        await c.Run(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(1));
        using var response = await c.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/pods/ticker/log?follow=true"),
            HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/plain"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.That(await reader.ReadLineAsync(guard.Token), Is.EqualTo("tick 1 at 00:00:00"));
        Assert.That(await reader.ReadLineAsync(guard.Token), Is.EqualTo("tick 2 at 00:00:05"));

        var next = reader.ReadLineAsync(guard.Token).AsTask();
        c.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(await next, Is.EqualTo("tick 3 at 00:00:10"));

        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/ticker", """{"gracePeriodSeconds":1}""");
        await c.Run(2);
        Assert.That(await reader.ReadToEndAsync(guard.Token), Is.Empty, "the stream ends when the container is gone");
    }
}
