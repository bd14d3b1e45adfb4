using System.Text.Json;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.ClusterView;
using KubeLab.Site.Lessons;
using KubeLab.Testing;

namespace KubeLab.Site.Tests.Views;

/// <summary>A learner's session of pods-on-the-wire: forward runs steps, back replays to the very state it left.</summary>
public class LessonSessionTests
{
    internal static Scenario PodsOnTheWire()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "scenarios", "pods-on-the-wire.yaml"));
        Assert.That(loaded.Errors, Is.Empty);
        return loaded.Scenario!;
    }

    private static LessonSession Open() => new(PodsOnTheWire(), new ScenarioRunner(EmulatedClients.Create()));

    /// <summary>What a learner sees at a position, down to every byte of every object.</summary>
    private static string Fingerprint(StepView view) => JsonSerializer.Serialize(new
    {
        view.Step,
        view.Passed,
        Objects = view.Cluster.Groups.SelectMany(g => g.Rows)
            .Select(r => $"{r.Change} {r.Object.Resource} {r.Object.Namespace}/{r.Object.Name} {r.Object.ResourceVersion} {r.Object.Phase} {Convert.ToBase64String(r.Object.Json)}"),
        view.Cluster.Revision,
    });

    private static bool HasPod(StepView view, string name) =>
        view.Cluster.Groups.Single(g => g.Title == "default").Rows.Any(r => r.Object.Resource == "pods" && r.Object.Name == name && r.Change != ChangeKind.Deleted);

    [Test]
    public async Task BackReplaysTheLessonToTheVeryStateItShowedBefore()
    {
        await using var session = Open();
        var forward = await session.GoToAsync(4);
        Assert.That(forward.Position, Is.EqualTo(4));
        Assert.That(HasPod(forward, "nginx"));

        var end = await session.GoToAsync(6);
        Assert.That(end.Passed, Is.EqualTo(Enumerable.Repeat(true, 6)));
        Assert.That(HasPod(end, "nginx"), Is.False);

        var back = await session.GoToAsync(4);
        Assert.That(HasPod(back, "nginx"));
        Assert.That(Fingerprint(back), Is.EqualTo(Fingerprint(forward)));
    }

    [Test]
    public async Task EachStepShowsWhatItChanged()
    {
        await using var session = Open();
        var created = await session.GoToAsync(1);
        var pod = created.Diff.Single(d => d.Change.Resource == "pods");
        Assert.That((pod.Change.Kind, pod.Kind, pod.Title), Is.EqualTo((ChangeKind.Added, "Pod", "default/pods/nginx")));
        Assert.That(pod.Whole!.Children.Single(c => c.Name == "kind").Literal, Is.EqualTo("\"Pod\""));
        Assert.That(created.Exchanges.Count(e => !e.Discovery), Is.EqualTo(1));
        Assert.That(created.ClusterExchanges.Select(e => e.User).Distinct(), Is.EquivalentTo(new[] { "system:kube-scheduler", "system:node:worker-1" }));

        var deleted = await session.GoToAsync(5);
        var gone = deleted.Diff.Single(d => d.Change.Resource == "pods");
        Assert.That(gone.Change.Kind, Is.EqualTo(ChangeKind.Deleted));
        Assert.That(gone.Whole, Is.Not.Null, "a deleted object shows as it was last");
        var row = deleted.Cluster.Groups.Single(g => g.Title == "default").Rows.Single(r => r.Object.Resource == "pods");
        Assert.That(row.Change, Is.EqualTo(ChangeKind.Deleted));
        var watch = deleted.Exchanges.Single(e => e.Target.Contains("watch=true"));
        var events = ((KubeLab.Site.Exchanges.EventStream)watch.Response!.Body).Events;
        Assert.That(events.Select(e => e.Label![..e.Label!.IndexOf(',')]), Is.EqualTo(new[] { "MODIFIED Pod nginx", "DELETED Pod nginx" }));
    }

    [Test]
    public async Task ResetStartsAgainOnAFreshCluster()
    {
        await using var session = Open();
        await session.GoToAsync(2);
        var start = await session.ResetAsync();
        Assert.That((start.Position, start.Step, start.Diff.Count), Is.EqualTo((0, (StepTranscript?)null, 0)));
        Assert.That(HasPod(start, "nginx"), Is.False);
        Assert.That(start.Cluster.Groups.Single(g => g.Title == "default").Open, Is.True);
        Assert.That(start.Cluster.Groups.Single(g => g.Title == "kube-system").Open, Is.False, "system namespaces start folded");
    }

    [Test]
    public async Task AStepBeyondTheLessonIsItsEnd()
    {
        await using var session = Open();
        Assert.That((await session.GoToAsync(99)).Position, Is.EqualTo(6));
        Assert.That((await session.GoToAsync(-3)).Position, Is.EqualTo(0));
    }
}
