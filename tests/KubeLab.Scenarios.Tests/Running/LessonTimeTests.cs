using KubeLab.ControlPlane;
using KubeLab.Scenarios.Running;

namespace KubeLab.Scenarios.Tests.Running;

/// <summary>
/// Lesson time moves only once every open stream has handled the present instant: a followed log that has not yet
/// set its timer for the next line, or a watch that has not yet written its event, holds the clock where it is.
/// </summary>
public class LessonTimeTests
{
    [Test]
    public async Task TheClockWaitsForOpenStreamsToCatchUpBeforeEachTick()
    {
        var clock = new SimulatedClock(ScenarioRunner.Epoch);
        var cluster = new Cluster(new ClusterOptions { Clock = clock, Seed = 1 });
        var time = new LessonTime(cluster, clock);
        var backlog = cluster.Api.Backlog;
        await time.SettleAsync(CancellationToken.None);
        Assert.That(backlog.IsClear, "a fresh cluster owes nothing");

        // A stream handler woke at this instant and has not finished its pass.
        backlog.Owe();
        var advance = time.AdvanceAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        await Task.Yield();
        Assert.That(clock.GetUtcNow(), Is.EqualTo(ScenarioRunner.Epoch), "no tick while a stream owes its client");
        Assert.That(advance.IsCompleted, Is.False);

        backlog.Settle();
        await advance;
        Assert.That(clock.GetUtcNow(), Is.EqualTo(ScenarioRunner.Epoch.AddSeconds(3)));
    }

    [Test]
    public async Task AWaitStepTicksOnlyOnceStreamsHaveCaughtUp()
    {
        var clock = new SimulatedClock(ScenarioRunner.Epoch);
        var cluster = new Cluster(new ClusterOptions { Clock = clock, Seed = 1 });
        var time = new LessonTime(cluster, clock);
        await time.SettleAsync(CancellationToken.None);

        cluster.Api.Backlog.Owe();
        var step = time.StepAsync(CancellationToken.None);
        await Task.Yield();
        Assert.That(clock.GetUtcNow(), Is.EqualTo(ScenarioRunner.Epoch));

        cluster.Api.Backlog.Settle();
        await step;
        Assert.That(clock.GetUtcNow(), Is.EqualTo(ScenarioRunner.Epoch + LessonTime.Tick));
    }
}
