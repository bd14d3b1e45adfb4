using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using KubeLab.Site.Sandbox;

namespace KubeLab.Site.Tests.Views;

/// <summary>A learner's sandbox: typed commands as steps, refused lines explained, and time that passes as the learner's does.</summary>
public class SandboxSessionTests
{
    /// <summary>A wall clock the test moves.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Test]
    public async Task EachCommandIsAStepWithItsExchangesAndTheClusterAfterIt()
    {
        await using var session = new SandboxSession(new ScenarioRunner(EmulatedClients.Create()), new ManualClock());
        await session.StartAsync();
        var created = (await session.RunAsync(" kubectl create namespace demo"))!;

        Assert.That((created.Number, created.Line, created.Errors.Count), Is.EqualTo((1, "kubectl create namespace demo", 0)));
        var post = created.View!.Exchanges.Single(e => e.Method == "POST");
        Assert.That(post.Status, Is.EqualTo(201));
        Assert.That(created.View.Cluster.Groups.Select(g => g.Title), Does.Contain("demo"));
        Assert.That(session.Cluster!.Find("namespaces", null, "demo"), Is.Not.Null);
        Assert.That(await session.RunAsync("   "), Is.Null);
        Assert.That(session.Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARefusedLineSaysWhyAtTheWordAsShown()
    {
        await using var session = new SandboxSession(new ScenarioRunner(EmulatedClients.Create()), new ManualClock());
        await session.StartAsync();
        var refused = (await session.RunAsync("   kubectl gett pods"))!;

        Assert.That(refused.View, Is.Null);
        Assert.That(refused.Errors.Single().Column, Is.EqualTo(9), "the column counts from the line as shown, without its leading blanks");
        Assert.That(refused.Errors.Single().Message, Does.StartWith("unknown command 'gett'"));
    }

    [Test]
    public async Task ALearnersClusterPastItsObjectBoundRefusesAsAQuotaWouldAndKeepsWhatItHas()
    {
        var sessions = new SandboxSessions(new ManualClock(), SandboxServices.LearnerLimits with { MaxObjects = 1 });
        await using var session = sessions.Open();
        await session.StartAsync();
        await session.RunAsync("kubectl create configmap first");
        var refused = (await session.RunAsync("kubectl create configmap second"))!;

        Assert.That(refused.View!.Exchanges.Single(e => e.Method == "POST").Status, Is.EqualTo(403));
        Assert.That(refused.View.Step!.Stderr, Is.EqualTo("error: failed to create configmap: configmaps \"second\" is forbidden: exceeded quota: " +
            "kubelab-learner-limits, requested: count/objects=1, used: count/objects=1, limited: count/objects=1\n"));
        Assert.That(session.Cluster!.Find("configmaps", "default", "first"), Is.Not.Null);
        Assert.That(session.Cluster.Find("configmaps", "default", "second"), Is.Null);
    }

    [Test]
    public async Task AStreamingCommandGrowsWhileOthersRunAndEndsWithCtrlC()
    {
        var wall = new ManualClock();
        await using var session = new SandboxSession(new ScenarioRunner(EmulatedClients.Create()), wall);
        await session.StartAsync();
        var watch = (await session.RunAsync("kubectl get pods -w"))!;
        Assert.That((watch.Streaming, session.IsStreaming), Is.EqualTo((true, true)));

        await session.RunAsync("kubectl run web --image=nginx");
        wall.Now += TimeSpan.FromSeconds(3);
        await session.RefreshStreamsAsync();
        var growing = session.Entries[0];
        Assert.That(growing.Streaming, Is.True);
        Assert.That(growing.View!.Step!.Stdout, Does.Contain("web    0/1     Pending").And.Contain("web    1/1     Running"),
            "the wall-clock seconds passed on the cluster: the kubelet started the pod");

        Assert.That(await session.StopAsync(), Is.True);
        var stopped = session.Entries[0];
        Assert.That((stopped.Streaming, session.IsStreaming), Is.EqualTo((false, false)));
        Assert.That(stopped.View!.Step!.Stdout, Does.StartWith(growing.View.Step.Stdout));
        Assert.That(stopped.View.Exchanges.Single(e => e.Target.Contains("watch=true")).Status, Is.EqualTo(200));
        Assert.That(await session.StopAsync(), Is.False, "nothing streams any more");
    }

    [Test]
    public async Task TheSimulatedClockCatchesUpWithTheWallClockUpToACap()
    {
        var wall = new ManualClock();
        await using var session = new SandboxSession(new ScenarioRunner(EmulatedClients.Create()), wall);
        await session.StartAsync();

        wall.Now += TimeSpan.FromSeconds(90.6);
        await session.RunAsync("kubectl create configmap settings");
        Assert.That(await AgeAsync(session, "settings"), Is.EqualTo("0s"), "created after the catch-up");
        wall.Now += TimeSpan.FromSeconds(42);
        Assert.That(await AgeAsync(session, "settings"), Is.EqualTo("42s"));
        wall.Now += TimeSpan.FromHours(2);
        Assert.That(await AgeAsync(session, "settings"), Is.EqualTo("5m42s"), "an idle hour counts as five minutes");
    }

    [Test]
    public async Task CatchingUpPassesWholeSecondsAndKeepsTheRestForNextTime()
    {
        var wall = new ManualClock();
        await using var session = new SandboxSession(new ScenarioRunner(EmulatedClients.Create()), wall);
        await session.StartAsync();
        var simulated = session.LiveCluster!.Options.Clock;
        var start = simulated.GetUtcNow();

        wall.Now += TimeSpan.FromSeconds(30.6);
        await session.CatchUpAsync();
        Assert.That(simulated.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(30)));
        wall.Now += TimeSpan.FromSeconds(0.6);
        await session.CatchUpAsync();
        Assert.That(simulated.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(31)), "the two fractions make a second");
        wall.Now += TimeSpan.FromHours(1);
        await session.CatchUpAsync();
        Assert.That(simulated.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(31) + SandboxSession.MaxCatchUp));
    }

    /// <summary>The AGE column of <c>kubectl get cm NAME</c>: how old the cluster's clock says the object is.</summary>
    private static async Task<string> AgeAsync(SandboxSession session, string name)
    {
        var output = (await session.RunAsync($"kubectl get cm {name} --no-headers"))!.View!.Step!.Stdout;
        return output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }
}
