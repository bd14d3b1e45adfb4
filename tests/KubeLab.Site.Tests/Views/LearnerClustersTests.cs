using KubeLab.Site.Learners;
using KubeLab.Site.Operations;
using KubeLab.Site.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Tests.Views;

/// <summary>The learners' clusters: one per learner id, found by its connect id, discarded only when idle.</summary>
public class LearnerClustersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);
    private readonly string _ann = LearnerCookie.NewId();
    private readonly string _bob = LearnerCookie.NewId();
    private FakeClock _clock = null!;
    private LearnerClusters _clusters = null!;
    private SessionGate _gate = null!;

    [SetUp]
    public void Create()
    {
        _clock = new FakeClock();
        var options = Options.Create(new LearnerOptions { IdleTimeout = Timeout, MaxSessions = 2 });
        _gate = new SessionGate(options);
        _clusters = new LearnerClusters(new SandboxSessions(_clock, SandboxServices.LearnerLimits), _gate, _clock, options, NullLogger<LearnerClusters>.Instance);
    }

    [TearDown]
    public async Task DisposeAsync() => await _clusters.DisposeAsync();

    [Test]
    public async Task TheSameLearnerGetsTheSameClusterAndAnotherLearnerAnother()
    {
        using var first = await _clusters.OpenAsync(_ann);
        using var again = await _clusters.OpenAsync(_ann);
        using var bob = await _clusters.OpenAsync(_bob);

        Assert.That(again.Cluster, Is.SameAs(first.Cluster));
        Assert.That(bob.Cluster, Is.Not.SameAs(first.Cluster));
        Assert.That(bob.Cluster.Session.LiveCluster, Is.Not.SameAs(first.Cluster.Session.LiveCluster));
        Assert.That(_clusters.Count, Is.EqualTo(2));
        Assert.That(_clusters.FindByConnectId(first.Cluster.Credentials.ConnectId), Is.SameAs(first.Cluster));
        Assert.That(_clusters.FindByConnectId(bob.Cluster.Credentials.ConnectId), Is.SameAs(bob.Cluster));
        Assert.That(_clusters.FindByConnectId(_ann), Is.Null, "the learner id is no connect id");

        // Each token is a user of its own cluster only.
        var annTokens = first.Cluster.Session.LiveCluster!.Authentication.Tokens;
        var bobTokens = bob.Cluster.Session.LiveCluster!.Authentication.Tokens;
        Assert.That(annTokens.AuthenticateToken(first.Cluster.Credentials.Token)?.User?.Name, Is.EqualTo(LearnerCluster.ConnectUser));
        Assert.That(annTokens.AuthenticateToken(bob.Cluster.Credentials.Token), Is.Null);
        Assert.That(bobTokens.AuthenticateToken(first.Cluster.Credentials.Token), Is.Null);
        Assert.That(first.Cluster.Credentials.ConnectId, Is.Not.EqualTo(bob.Cluster.Credentials.ConnectId));
    }

    [Test]
    public async Task WhatACommandDidIsThereForTheNextPage()
    {
        using (var page = await _clusters.OpenAsync(_ann)) await page.Cluster.RunAsync("kubectl create namespace kept");
        using var reload = await _clusters.OpenAsync(_ann);
        Assert.That(reload.Cluster.Session.Entries.Single().Line, Is.EqualTo("kubectl create namespace kept"));
        Assert.That(reload.Cluster.Session.Cluster!.Find("namespaces", null, "kept"), Is.Not.Null);
    }

    [Test]
    public void AnythingButAnIdTheSiteGivesIsRefused()
    {
        Assert.That(LearnerCookie.IsWellFormed(_ann), Is.True);
        foreach (var id in new[] { "", "ann", _ann.ToUpperInvariant(), _ann[..^1], _ann + "0", "../" + _ann[3..] })
        {
            Assert.That(LearnerCookie.IsWellFormed(id), Is.False, id);
            Assert.ThrowsAsync<ArgumentException>(() => _clusters.OpenAsync(id));
        }
        Assert.That(_clusters.Count, Is.Zero);
    }

    [Test]
    public async Task AClusterIsDiscardedAfterTheIdleTimeoutAndNotWhileAPageShowsIt()
    {
        var page = await _clusters.OpenAsync(_ann);
        var first = page.Cluster;
        _clock.Advance(Timeout + TimeSpan.FromMinutes(1));
        Assert.That(await _clusters.DiscardIdleAsync(), Is.Zero, "a page is open");

        _clock.Advance(TimeSpan.FromMinutes(5));
        page.Dispose();
        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.That(await _clusters.DiscardIdleAsync(), Is.Zero, "idle since the page closed, not yet for the timeout");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await _clusters.DiscardIdleAsync(), Is.EqualTo(1));

        Assert.That(_clusters.Count, Is.Zero);
        Assert.That(_clusters.FindByConnectId(first.Credentials.ConnectId), Is.Null, "its connect id leads nowhere now");
        using var fresh = await _clusters.OpenAsync(_ann);
        Assert.That(fresh.Cluster, Is.Not.SameAs(first));
        Assert.That(fresh.Cluster.Credentials, Is.Not.EqualTo(first.Credentials));
    }

    [Test]
    public async Task AConnectRequestUnderWayCountsAsUse()
    {
        LearnerCluster cluster;
        using (var page = await _clusters.OpenAsync(_ann)) cluster = page.Cluster;
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.That(cluster.TryBeginRequest(out var caughtUp), Is.True, "a watch starts");
        await caughtUp;
        _clock.Advance(Timeout * 2);
        Assert.That(await _clusters.DiscardIdleAsync(), Is.Zero, "the watch is open");
        cluster.EndRequest();
        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.That(await _clusters.DiscardIdleAsync(), Is.Zero, "idle since the watch ended, not yet for the timeout");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await _clusters.DiscardIdleAsync(), Is.EqualTo(1));
        Assert.That(cluster.TryBeginRequest(out _), Is.False, "a discarded cluster takes no request");
    }

    [Test]
    public async Task TheSweepDiscardsIdleClustersOnItsOwnClock()
    {
        using (await _clusters.OpenAsync(_ann)) { }
        var options = Options.Create(new LearnerOptions { IdleTimeout = Timeout });
        using var sweep = new IdleLearnerSweep(_clusters, _clock, options, NullLogger<IdleLearnerSweep>.Instance);
        await sweep.StartAsync(CancellationToken.None);
        await _clock.FirstTimer.WaitAsync(TimeSpan.FromSeconds(10));

        _clock.Advance(Timeout - options.Value.SweepInterval);
        Assert.That(_clusters.Count, Is.EqualTo(1));
        _clock.Advance(options.Value.SweepInterval);
        // The tick's sweep runs on the thread pool: wait for its heartbeat at this instant (stopping first could cancel
        // a tick not yet taken, when an earlier tick's sweep was still under way).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sweep.LastSwept != _clock.GetUtcNow() && DateTime.UtcNow < deadline) await Task.Delay(10);
        await sweep.StopAsync(CancellationToken.None);
        Assert.That(_clusters.Count, Is.Zero);
        Assert.That(options.Value.SweepInterval, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task BeyondTheCapANewLearnerIsRefusedAndAKnownOneIsNot()
    {
        using var ann = await _clusters.OpenAsync(_ann);
        using var bob = await _clusters.OpenAsync(_bob);
        Assert.That(_gate.CountOf(SessionKind.LearnerCluster), Is.EqualTo(2));

        var carl = LearnerCookie.NewId();
        var refused = Assert.ThrowsAsync<SiteFullException>(() => _clusters.OpenAsync(carl));
        Assert.That(refused!.Message, Is.EqualTo(SessionGate.FullMessage));
        Assert.That(_clusters.Count, Is.EqualTo(2), "nothing was made for the refused learner");
        using (var again = await _clusters.OpenAsync(_ann)) Assert.That(again.Cluster, Is.SameAs(ann.Cluster), "a learner with a cluster keeps it");

        // A discarded cluster gives its place back.
        bob.Dispose();
        _clock.Advance(Timeout);
        Assert.That(await _clusters.DiscardIdleAsync(), Is.EqualTo(1));
        Assert.That(_gate.Count, Is.EqualTo(1));
        using var carls = await _clusters.OpenAsync(carl);
        Assert.That(_gate.Count, Is.EqualTo(2));
    }
}
