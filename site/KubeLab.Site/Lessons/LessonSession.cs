using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;
using KubeLab.Site.ClusterView;

namespace KubeLab.Site.Lessons;

/// <summary>
/// One learner's run of one lesson, on a cluster of its own. The player moves it to a step: forward by running
/// the steps in between, back by running the lesson again on a fresh cluster up to that step — lessons run on
/// a simulated clock with seeded ids, so the replay reaches the very state the learner saw, and the cluster
/// really is back where it was (not just the page). Operations are serialized, and run off the caller's
/// synchronization context (a Blazor circuit's) so the runner's awaits never wait on the UI.
/// </summary>
/// <param name="ticket">The session's place in the site's session count, given back on dispose.</param>
/// <param name="started">Told of each cluster the session starts (the first, and one per replay), to observe its API server.</param>
public sealed class LessonSession(Scenario scenario, ScenarioRunner runner, IDisposable? ticket = null, Action<ControlPlane.Cluster>? started = null)
    : IAsyncDisposable
{
    private readonly SerializedRun _serialized = new();
    /// <summary>The cluster after each step run so far; [0] is the lesson's starting state.</summary>
    private readonly List<ClusterSnapshot> _snapshots = [];

    public Scenario Scenario => scenario;

    public int StepCount => scenario.Steps.Count;

    /// <summary>
    /// Moves the lesson's cluster to its state after <paramref name="step"/> steps (0: the start) and returns what
    /// to show there.
    /// </summary>
    public Task<StepView> GoToAsync(int step, CancellationToken cancellationToken = default) =>
        MoveAsync(Math.Clamp(step, 0, StepCount), fresh: false, cancellationToken);

    /// <summary>Back to the start on a fresh cluster.</summary>
    public Task<StepView> ResetAsync(CancellationToken cancellationToken = default) => MoveAsync(0, fresh: true, cancellationToken);

    private Task<StepView> MoveAsync(int step, bool fresh, CancellationToken cancellationToken) => _serialized.UseAsync(async () =>
    {
        var run = await RunToAsync(step, fresh, cancellationToken);
        var position = run.Steps.Count;
        return StepView.Of(run.Steps, _snapshots[Math.Max(0, position - 1)], _snapshots[position], run.Cluster.Catalog);
    }, cancellationToken);

    private async Task<LessonRun> RunToAsync(int step, bool fresh, CancellationToken cancellationToken)
    {
        var run = _serialized.Run;
        if (run is null || fresh || step < run.Steps.Count)
        {
            if (run is not null) await run.DisposeAsync();
            _serialized.Run = null;
            _snapshots.Clear();
            run = _serialized.Run = await runner.StartAsync(scenario, cancellationToken);
            started?.Invoke(run.Cluster);
            _snapshots.Add(ClusterSnapshot.Read(run.Cluster));
        }
        while (run.Steps.Count < step)
        {
            await run.NextAsync(cancellationToken);
            _snapshots.Add(ClusterSnapshot.Read(run.Cluster));
        }
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await _serialized.DisposeAsync();
        ticket?.Dispose();
    }
}
