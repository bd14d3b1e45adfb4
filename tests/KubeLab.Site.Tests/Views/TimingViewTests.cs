using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.Exchanges;

namespace KubeLab.Site.Tests.Views;

/// <summary>What an exchange card says about how long the server took, from real exchanges of a cluster on a simulated clock.</summary>
public class TimingViewTests
{
    private static ExchangeView View(Exchange exchange) => ExchangeView.From(ExchangeRecord.From(exchange), ResourceCatalog.Default);

    [Test]
    public async Task AnAnswerSaysHowLongTheServerTook()
    {
        using var cluster = new TestCluster();
        await cluster.Admin.GetAsync("/api/v1/namespaces/default/pods/missing");
        var record = cluster.LastExchange;
        var timing = ExchangeView.From(record, ResourceCatalog.Default).Timing!;

        Assert.That(timing.Text, Is.EqualTo($"answered in {TimingView.Duration(record.Timing.UntilResponse!.Value)}"));
        Assert.That(timing.Text, Does.Match(@"^answered in \d+(\.\d+)? (ms|s)$"));
        Assert.That(timing.Explanation, Does.Contain("kubectl -v=6").And.Contain("never part of a lesson's transcript"));
    }

    [Test]
    public async Task AWatchSaysItIsStillOpenThenHowLongItStayedOpen()
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        using var cluster = new TestCluster(new ClusterOptions { Clock = clock });
        var ended = new TaskCompletionSource<Exchange>(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Cluster.Api.Exchanges.Completed += e => { if (e.Target.Contains("watch=true")) ended.TrySetResult(e); };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=60");
        using (var response = await cluster.Admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            var open = cluster.Cluster.Api.Exchanges.Snapshot().Single(e => e.Target.Contains("watch=true"));
            Assert.That(View(open).Timing!.Text, Does.Match(@"^answered in \d+(\.\d+)? ms, still open$"));
            clock.Advance(TimeSpan.FromMinutes(1));
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        }
        var closed = View(await ended.Task.WaitAsync(TimeSpan.FromSeconds(30))).Timing!;
        Assert.That(closed.Text, Does.Match(@"^answered in \d+(\.\d+)? ms, open for \d+(\.\d+)? (ms|s)$"));
        Assert.That(closed.Explanation, Does.Contain("how long it stayed open"));
    }

    [Test]
    public void NothingIsSaidWhenNothingWasMeasured() =>
        Assert.That(TimingView.Of(ExchangeTiming.Unmeasured, streamed: false), Is.Null);

    [TestCase(0.04, "0.04 ms")]
    [TestCase(0.0996, "0.1 ms")]
    [TestCase(0.83, "0.8 ms")]
    [TestCase(9.94, "9.9 ms")]
    [TestCase(12.4, "12 ms")]
    [TestCase(999.4, "999 ms")]
    [TestCase(2_400, "2.4 s")]
    [TestCase(15_200, "15 s")]
    public void DurationsReadAsAPersonSaysThem(double milliseconds, string said) =>
        Assert.That(TimingView.Duration(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(said));
}
