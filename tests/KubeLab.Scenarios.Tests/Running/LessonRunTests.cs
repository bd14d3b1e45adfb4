using System.Text.Json;
using KubeLab.Scenarios.Running;

namespace KubeLab.Scenarios.Tests.Running;

/// <summary>A lesson stepped one step at a time: the cluster between steps, and the same transcript as a whole run.</summary>
public class LessonRunTests
{
    [Test]
    public async Task BetweenStepsTheClusterHoldsTheStateAfterTheLastStep()
    {
        await using var run = await new ScenarioRunner([]).StartAsync(ScenarioRunnerTests.Load());
        Assert.That(run.Steps, Is.Empty);
        Assert.That(Namespace(run, "rodrigo"), Is.Null);

        var first = await run.NextAsync();
        Assert.That((first.Number, first.Title), Is.EqualTo((1, "Create a namespace")));
        Assert.That(Namespace(run, "rodrigo"), Is.Not.Null);
        Assert.That(ConfigMap(run, "rodrigo", "settings"), Is.Null);

        await run.NextAsync();
        Assert.That(ConfigMap(run, "rodrigo", "settings"), Is.Not.Null);
        Assert.That(run.Steps.Select(s => s.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(run.Finished, Is.False);
    }

    [Test]
    public async Task SteppingToTheEndGivesTheTranscriptOfAWholeRun()
    {
        var scenario = ScenarioRunnerTests.Load();
        var whole = await new ScenarioRunner([]).RunAsync(scenario);

        await using var run = await new ScenarioRunner([]).StartAsync(scenario);
        while (!run.Finished) await run.NextAsync();

        Assert.That(JsonSerializer.Serialize(run.Transcript), Is.EqualTo(JsonSerializer.Serialize(whole)));
        Assert.ThrowsAsync<InvalidOperationException>(() => run.NextAsync());
    }

    private static object? Namespace(LessonRun run, string name) => run.Cluster.Registry("", "namespaces").TryGet(null, name);

    private static object? ConfigMap(LessonRun run, string ns, string name) => run.Cluster.Registry("", "configmaps").TryGet(ns, name);
}
