using KubeLab.ControlPlane;
using KubeLab.Scenarios.Loading;
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
    private readonly LessonTime _time;
    private readonly List<StepTranscript> _steps = [];
    /// <summary>How many of the lesson's own steps have run (the others in <see cref="Steps"/> were typed).</summary>
    private int _scripted;

    internal LessonRun(Scenario scenario, Cluster cluster, StepExecutor executor, LessonTime time)
    {
        Scenario = scenario;
        Cluster = cluster;
        _executor = executor;
        _time = time;
    }

    public Scenario Scenario { get; }

    /// <summary>The lesson's cluster, to read (not to change: a change behind the runner's back is no longer the lesson).</summary>
    public Cluster Cluster { get; }

    /// <summary>The steps run so far, in order: the lesson's own and those typed (<see cref="RunTypedAsync"/>).</summary>
    public IReadOnlyList<StepTranscript> Steps => _steps;

    /// <summary>Every step the lesson scripts has run.</summary>
    public bool Finished => _scripted == Scenario.Steps.Count;

    /// <summary>Runs the lesson's next step and returns its transcript.</summary>
    public async Task<StepTranscript> NextAsync(CancellationToken cancellationToken = default)
    {
        if (Finished) throw new InvalidOperationException($"lesson '{Scenario.Id}' has no step after {_scripted}");
        var step = await _executor.RunAsync(_steps.Count + 1, Scenario.Steps[_scripted], cancellationToken);
        _scripted++;
        _steps.Add(step);
        return step;
    }

    /// <summary>
    /// Runs a command line the learner typed (<c>kubectl …</c> or <c>curl …</c>) as a step of its own, titled with the
    /// command, on this run's cluster. A line the emulators cannot run is not run: its errors say why, as they would to
    /// a lesson author (<see cref="TypedCommandReader"/>), and the step is null. A blank line gives neither.
    /// </summary>
    public async Task<TypedStep> RunTypedAsync(string line, CancellationToken cancellationToken = default)
    {
        var typed = TypedCommandReader.Read(line, Scenario);
        if (typed.Action is not { } action) return new TypedStep(null, typed.Errors);
        var step = new Step(line.Trim(), "", action, Expectation.None, [], [], null, null, action.At);
        var transcript = await _executor.RunAsync(_steps.Count + 1, step, cancellationToken);
        _steps.Add(transcript);
        return new TypedStep(transcript, []);
    }

    /// <summary>
    /// Lets <paramref name="by"/> of simulated time pass, second by second, the cluster catching up at each (as a
    /// lesson's <c>clock:</c> step does, but as no step: what the controllers do meanwhile is in no step's transcript).
    /// </summary>
    public Task PassTimeAsync(TimeSpan by, CancellationToken cancellationToken = default) =>
        by > TimeSpan.Zero ? _time.AdvanceAsync(by, cancellationToken) : Task.CompletedTask;

    /// <summary>The transcript of the steps run so far (all of them once <see cref="Finished"/>).</summary>
    public Transcript Transcript => new(Scenario.Metadata.Id, Scenario.Metadata.Title, Scenario.Metadata.Summary, _steps.ToList());

    public async ValueTask DisposeAsync() => await _executor.StopAllAsync();
}

/// <summary>What a typed command line gave: its step, or why it did not run.</summary>
public sealed record TypedStep(StepTranscript? Step, IReadOnlyList<LessonError> Errors);
