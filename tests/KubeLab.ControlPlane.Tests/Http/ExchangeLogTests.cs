using System.Diagnostics;
using System.Text;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Tests.Http;

public class ExchangeLogTests
{
    [Test]
    public async Task RecordsTheRequestAndResponseExactly()
    {
        using var c = new ClusterClient();
        const string body = """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""";
        var (_, responseBody, response) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldManager=test", body);

        var exchange = c.TraceOf(response);
        Assert.That((exchange.Method, exchange.Target, exchange.StatusCode), Is.EqualTo(("POST", "/api/v1/namespaces/default/configmaps?fieldManager=test", 201)));
        Assert.That(Encoding.UTF8.GetString(exchange.RequestBody), Is.EqualTo(body));
        Assert.That(Encoding.UTF8.GetString(exchange.ResponseBody), Is.EqualTo(responseBody));
        Assert.That(exchange.RequestHeaders, Does.Contain(KeyValuePair.Create("Content-Type", "application/json")));
        Assert.That(exchange.ResponseHeaders, Does.Contain(KeyValuePair.Create("Audit-Id", exchange.AuditId)));
        Assert.That(exchange.User.Name, Is.EqualTo("kubernetes-admin"));
        Assert.That(exchange.Trace.Entries.Select(e => e.Stage), Does.Contain(KubeLab.ControlPlane.Pipeline.TraceStage.Storage));
        Assert.That(exchange.Completed, Is.Not.Null);
    }

    [Test]
    public async Task RecordsErrorsAsTheStatusThatWasSent()
    {
        using var c = new ClusterClient();
        var (_, body, response) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/missing");
        var exchange = c.TraceOf(response);
        Assert.That(exchange.StatusCode, Is.EqualTo(404));
        Assert.That(Encoding.UTF8.GetString(exchange.ResponseBody), Is.EqualTo(body));
    }

    [Test]
    public async Task KeepsEachWatchEventAsItsOwnChunk()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"a"}}""", expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"b"}}""", expect: 201);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1");
        using (var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync()))
        {
            var all = reader.ReadToEndAsync();
            c.Clock.Advance(TimeSpan.FromSeconds(1)); // the watch times out on the cluster clock
            await all;
        }

        var watch = c.Cluster.Api.Exchanges.Snapshot().Last(e => e.Target.Contains("watch=true"));
        Assert.That(watch.ResponseChunks.Select(chunk => Encoding.UTF8.GetString(chunk)[..24]),
            Is.EqualTo(new[] { "{\"type\":\"ADDED\",\"object\"", "{\"type\":\"ADDED\",\"object\"" }));
    }
}

/// <summary>How long the server really took: a stopwatch's time, whatever the cluster's (simulated) clock says.</summary>
public class ExchangeTimingTests
{
    [Test]
    public async Task AnAnsweredRequestIsTimedUntilItsResponseStartedAndEnded()
    {
        using var c = new ClusterClient();
        var client = Stopwatch.StartNew();
        var (_, _, response) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/missing");
        var roundTrip = client.Elapsed;

        var timing = c.TraceOf(response).Timing;
        Assert.That(timing.UntilResponse, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(timing.UntilEnd, Is.GreaterThanOrEqualTo(timing.UntilResponse!.Value));
        Assert.That(timing.UntilEnd, Is.LessThanOrEqualTo(roundTrip), "the server's part of what the client waited for");
    }

    [Test]
    public async Task AWatchIsTimedUntilItAnsweredThenForAsLongAsItStayedOpen()
    {
        using var c = new ClusterClient();
        var ended = new TaskCompletionSource<Exchange>(TaskCreationOptions.RunContinuationsAsynchronously);
        c.Cluster.Api.Exchanges.Completed += e => { if (e.Target.Contains("watch=true")) ended.TrySetResult(e); };
        var client = Stopwatch.StartNew();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=3600");
        using (var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            var open = c.Cluster.Api.Exchanges.Snapshot().Single(e => e.Target.Contains("watch=true")).Timing;
            Assert.That(open.UntilResponse, Is.GreaterThan(TimeSpan.Zero), "the head went out");
            Assert.That(open.UntilEnd, Is.Null, "the watch is still open");
            c.Clock.Advance(TimeSpan.FromHours(1)); // the watch times out on the cluster's clock, an hour on at once
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        }
        var timing = (await ended.Task.WaitAsync(TimeSpan.FromSeconds(30))).Timing;
        var roundTrip = client.Elapsed;

        Assert.That(timing.UntilEnd, Is.GreaterThanOrEqualTo(timing.UntilResponse!.Value));
        Assert.That(timing.UntilEnd, Is.LessThanOrEqualTo(roundTrip), "real time, not the simulated hour");
    }
}

public class ExchangeLogBudgetTests
{
    private static KubeLab.ControlPlane.Pipeline.Exchange Exchange(KubeLab.ControlPlane.Pipeline.ExchangeLog log, int bodyBytes) => new()
    {
        Sequence = log.NextSequence(), AuditId = "", Started = DateTimeOffset.UnixEpoch, Method = "GET", Target = "/", Protocol = "HTTP/1.1",
        RequestHeaders = [], Trace = new(), RequestBody = new byte[bodyBytes],
    };

    [Test]
    public void OldestExchangesGoWhenTheByteBudgetIsSpent()
    {
        var log = new KubeLab.ControlPlane.Pipeline.ExchangeLog(capacity: 100, maxBytes: 2500);
        for (var i = 0; i < 5; i++)
        {
            var exchange = Exchange(log, 1000);
            log.Begin(exchange);
            exchange.Completed = DateTimeOffset.UnixEpoch;
            log.End(exchange);
        }
        Assert.That(log.Snapshot().Select(e => e.Sequence), Is.EqualTo(new long[] { 4, 5 }));
    }

    [Test]
    public void TheNewestExchangeStaysEvenWhenAloneOverBudget()
    {
        var log = new KubeLab.ControlPlane.Pipeline.ExchangeLog(capacity: 100, maxBytes: 10);
        var exchange = Exchange(log, 1000);
        log.Begin(exchange);
        exchange.Completed = DateTimeOffset.UnixEpoch;
        log.End(exchange);
        Assert.That(log.Snapshot(), Has.Count.EqualTo(1));
    }
}

public class ResponseDateTests
{
    [Test]
    public async Task TheDateHeaderComesFromTheClusterClock()
    {
        using var c = new ClusterClient();
        c.Clock.Advance(TimeSpan.FromHours(1));
        var (_, _, response) = await c.Send(HttpMethod.Get, "/version");
        Assert.That(response.Headers.Date, Is.EqualTo(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero)));
    }
}
