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
public sealed class LessonSession(Scenario scenario, ScenarioRunner runner) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LessonRun? _run;
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

    private async Task<StepView> MoveAsync(int step, bool fresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(async () =>
            {
                await RunToAsync(step, fresh, cancellationToken);
                var position = _run!.Steps.Count;
                return StepView.Of(_run.Steps, _snapshots[Math.Max(0, position - 1)], _snapshots[position], _run.Cluster.Catalog);
            }, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunToAsync(int step, bool fresh, CancellationToken cancellationToken)
    {
        if (_run is null || fresh || step < _run.Steps.Count)
        {
            if (_run is not null) await _run.DisposeAsync();
            _run = null;
            _snapshots.Clear();
            _run = await runner.StartAsync(scenario, cancellationToken);
            _snapshots.Add(ClusterSnapshot.Read(_run.Cluster));
        }
        while (_run.Steps.Count < step)
        {
            await _run.NextAsync(cancellationToken);
            _snapshots.Add(ClusterSnapshot.Read(_run.Cluster));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_run is not null) await _run.DisposeAsync();
            _run = null;
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}
