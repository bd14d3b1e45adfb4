using KubeLab.ControlPlane;

namespace KubeLab.Scenarios.Tests.Kubectl.Emulator;

/// <summary>
/// kubectl delete waits in a lesson without timing: the namespace controller runs when kubectl blocks (the
/// environment's progress hook), and a deletion nothing can complete ends as kubectl's timeout would.
/// </summary>
public class DeletionWaitTests
{
    private const string Hold = """{"metadata":{"finalizers":["example.com/hold"]}}""";

    [Test]
    public async Task A_namespace_is_gone_when_delete_returns()
    {
        // The namespace controller acts five seconds after the deletion: kubectl's wait lets simulated time pass.
        var clock = new SimulatedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var learner = new Learner(environment => async cancellationToken =>
        {
            await environment.Cluster.Controllers.SettleAsync(cancellationToken: cancellationToken);
            clock.Advance(TimeSpan.FromSeconds(1));
            await environment.Cluster.Controllers.SettleAsync(cancellationToken: cancellationToken);
            return clock.GetUtcNow() < new DateTimeOffset(2025, 1, 1, 0, 1, 0, TimeSpan.Zero);
        }, clock);
        Assert.That((await learner.RunAsync("create", "namespace", "doomed")).Exit, Is.Zero);
        Assert.That((await learner.RunAsync("create", "configmap", "inside", "-n", "doomed")).Exit, Is.Zero);

        var result = await learner.RunAsync("delete", "namespace", "doomed");

        Assert.That(result, Is.EqualTo((0, "namespace \"doomed\" deleted\n", "")));
        Assert.That((await learner.RunAsync("get", "ns", "doomed")).Stderr, Is.EqualTo("Error from server (NotFound): namespaces \"doomed\" not found\n"));
        var watches = learner.Cluster.Api.Exchanges.Snapshot().Where(e => e.Target.Contains("watch=true")).ToList();
        Assert.That(watches, Has.Count.EqualTo(1));
        Assert.That(watches[0].Completed, Is.Not.Null, "kubectl closed its watch");
    }

    [Test]
    public async Task A_finalizer_nobody_removes_times_out()
    {
        var learner = new Learner();
        await learner.RunAsync("create", "configmap", "held");
        Assert.That(await Learner.SendAsync(learner.Cluster, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/held", Hold), Is.EqualTo(200));

        var result = await learner.RunAsync("delete", "configmap", "held");

        Assert.That(result, Is.EqualTo((1, "configmap \"held\" deleted\n", "error: timed out waiting for the condition on configmaps/held\n")));
    }

    [Test]
    public async Task A_timeout_runs_on_the_clusters_clock()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new SimulatedClock(start);
        var learner = new Learner(environment => async cancellationToken =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await environment.Cluster.Controllers.SettleAsync(cancellationToken: cancellationToken);
            return clock.GetUtcNow() < start.AddHours(1);
        }, clock);
        await learner.RunAsync("create", "configmap", "held");
        Assert.That(await Learner.SendAsync(learner.Cluster, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/held", Hold), Is.EqualTo(200));

        var deleted = await learner.RunAsync("delete", "configmap", "held", "--timeout=20s");
        Assert.That(deleted, Is.EqualTo((1, "configmap \"held\" deleted\n", "error: timed out waiting for the condition on configmaps/held\n")));
        Assert.That(clock.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(20)));

        var waited = await learner.RunAsync("wait", "--for=delete", "configmap/held", "--timeout=7s");
        Assert.That(waited, Is.EqualTo((1, "", "error: timed out waiting for the condition on configmaps/held\n")));
        Assert.That(clock.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(27)), "wait's own timeout, from when it began");
    }

    [Test]
    public async Task A_finalizer_removed_while_kubectl_waits_ends_the_wait()
    {
        var removed = false;
        var learner = new Learner(environment => async _ =>
        {
            if (removed) return false;
            removed = true;
            return await Learner.SendAsync(environment.Cluster, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/held",
                """{"metadata":{"finalizers":null}}""") == 200;
        });
        await learner.RunAsync("create", "configmap", "held");
        Assert.That(await Learner.SendAsync(learner.Cluster, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/held", Hold), Is.EqualTo(200));

        var result = await learner.RunAsync("delete", "configmap", "held");

        Assert.That(result, Is.EqualTo((0, "configmap \"held\" deleted\n", "")));
        Assert.That(removed, Is.True);
    }
}
