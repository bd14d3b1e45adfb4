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
    /// a lesson author (<see cref="TypedCommandReader"/>), and the step is null. A blank line gives neither. A command
    /// that streams until Ctrl-C (<c>get -w</c>, <c>logs -f</c>) runs in a background terminal of its own, named in
    /// the result: the step holds what it printed until it came to wait, <see cref="PeekAsync"/> what it has printed since,
    /// and <see cref="StopTypedAsync"/> presses Ctrl-C.
    /// </summary>
    public async Task<TypedStep> RunTypedAsync(string line, CancellationToken cancellationToken = default)
    {
        var typed = TypedCommandReader.Read(line, Scenario);
        if (typed.Action is not { } action) return new TypedStep(null, typed.Errors);
        var terminal = typed.Streams ? $"typed-{_steps.Count + 1}" : null;
        var step = new Step(line.Trim(), "", action, Expectation.None, [], [], terminal, null, action.At);
        var transcript = await _executor.RunAsync(_steps.Count + 1, step, cancellationToken);
        _steps.Add(transcript);
        return new TypedStep(transcript, [], terminal);
    }

    /// <summary>Whether the command in a typed streaming command's terminal still runs (a followed log ends with its pod).</summary>
    public bool IsRunning(string terminal) => _executor.Background(terminal) is { Completion.IsCompleted: false };

    /// <summary>
    /// A typed command still streaming in <paramref name="terminal"/>, as it is once it has taken all the cluster sent
    /// it: its step (<paramref name="started"/>) with everything it has printed and its own exchanges as they stand (a
    /// watch with the events sent so far).
    /// </summary>
    public async Task<StepTranscript> PeekAsync(StepTranscript started, string terminal, CancellationToken cancellationToken = default)
    {
        if (_executor.Background(terminal) is not { } running) return started;
        await _executor.UntilWaitingAsync(running, cancellationToken);
        var (stdout, stderr) = running.Output.Printed();
        return started with { Stdout = stdout, Stderr = stderr, Exchanges = Reread(started.Exchanges) };
    }

    /// <summary>
    /// Presses Ctrl-C in the terminal of a typed streaming command (a step of its own, <c>^C</c>, that lets the
    /// cluster settle) and returns the command's step as it ended: all it printed, its exit code, its exchanges
    /// complete, and the cluster's requests from both steps.
    /// </summary>
    public async Task<StepTranscript> StopTypedAsync(StepTranscript started, string terminal, CancellationToken cancellationToken = default)
    {
        var stop = new Step("^C", "", new StopAction(terminal, new SourcePosition(1, 1)), Expectation.None, [], [], null, null, new SourcePosition(1, 1));
        var stopped = await _executor.RunAsync(_steps.Count + 1, stop, cancellationToken);
        _steps.Add(stopped);
        return started with
        {
            Stdout = stopped.Stdout, Stderr = stopped.Stderr, ExitCode = stopped.ExitCode, Exchanges = Reread(started.Exchanges),
            ClusterExchanges = [.. started.ClusterExchanges, .. stopped.ClusterExchanges], Changes = [.. started.Changes, .. stopped.Changes],
        };
    }

    /// <summary>The exchanges again, as the API server's log holds them now (a stream's body grows while it is open).</summary>
    private IReadOnlyList<ExchangeRecord> Reread(IReadOnlyList<ExchangeRecord> exchanges)
    {
        if (exchanges.Count == 0) return exchanges;
        var now = Cluster.Api.Exchanges.Since(exchanges.Min(e => e.Sequence) - 1).ToDictionary(e => e.Sequence);
        return exchanges.Select(e => now.TryGetValue(e.Sequence, out var exchange) ? ExchangeRecord.From(exchange) : e).ToList();
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
/// <param name="Terminal">The background terminal a streaming command still runs in (null for any other).</param>
public sealed record TypedStep(StepTranscript? Step, IReadOnlyList<LessonError> Errors, string? Terminal = null);
