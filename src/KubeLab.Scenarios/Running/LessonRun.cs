using KubeLab.ControlPlane;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Running;

/// <summary>
/// A lesson being run one step at a time on its own cluster (made by <see cref="ScenarioRunner.StartAsync"/>).
/// Between steps the cluster holds exactly the state after the last step run, so a player can show it; the
/// steps run so far are the start of the transcript a whole run gives. Disposing stops background terminals.
/// Not thread-safe: one caller steps it.
/// </summary>
public sealed class LessonRun : IAsyncDisposable
{
    private readonly StepExecutor _executor;
    private readonly List<StepTranscript> _steps = [];

    internal LessonRun(Scenario scenario, Cluster cluster, StepExecutor executor)
    {
        Scenario = scenario;
        Cluster = cluster;
        _executor = executor;
    }

    public Scenario Scenario { get; }

    /// <summary>The lesson's cluster, to read (not to change: a change behind the runner's back is no longer the lesson).</summary>
    public Cluster Cluster { get; }

    /// <summary>The steps run so far, in order.</summary>
    public IReadOnlyList<StepTranscript> Steps => _steps;

    public bool Finished => _steps.Count == Scenario.Steps.Count;

    /// <summary>Runs the next step and returns its transcript.</summary>
    public async Task<StepTranscript> NextAsync(CancellationToken cancellationToken = default)
    {
        if (Finished) throw new InvalidOperationException($"lesson '{Scenario.Id}' has no step after {_steps.Count}");
        var step = await _executor.RunAsync(_steps.Count + 1, Scenario.Steps[_steps.Count], cancellationToken);
        _steps.Add(step);
        return step;
    }

    /// <summary>The transcript of the steps run so far (all of them once <see cref="Finished"/>).</summary>
    public Transcript Transcript => new(Scenario.Metadata.Id, Scenario.Metadata.Title, Scenario.Metadata.Summary, _steps.ToList());

    public async ValueTask DisposeAsync() => await _executor.StopAllAsync();
}
