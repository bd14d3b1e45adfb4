using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.ClusterView;
using KubeLab.Site.Lessons;

namespace KubeLab.Site.Sandbox;

/// <summary>A command typed in the sandbox and what came of it: its step as the player shows one, or why it did not run.</summary>
/// <param name="Number">From 1, in the order typed (refused lines count too: they are in the scrollback).</param>
/// <param name="Streaming">True while the command streams until Ctrl-C (<c>get -w</c>, <c>logs -f</c>): its view grows.</param>
public sealed record SandboxEntry(int Number, string Line, StepView? View, IReadOnlyList<TypedError> Errors, bool Streaming = false);

/// <summary>Why a typed line did not run, at a column (from 1) of the line as shown (leading blanks dropped).</summary>
public sealed record TypedError(int Column, string Message);

/// <summary>
/// One learner's sandbox: a lesson run with no scripted steps on a cluster of its own, where each typed command is
/// a step (<see cref="LessonRun.RunTypedAsync"/>). Commands run one at a time (<see cref="SerializedRun"/>). A command
/// that streams until Ctrl-C keeps running in a terminal of its own while the learner types more: its entry grows with
/// <see cref="RefreshStreamsAsync"/> and ends with <see cref="StopAsync"/>.
/// </summary>
/// <remarks>
/// Time: the cluster keeps a lesson's simulated clock (controllers settle after every command, as after a lesson
/// step), and before each command it moves on by as much wall-clock time as passed since the last one ended, so a
/// pod's age and a grace period mean what the learner lived. The catch-up is capped: a learner back from lunch finds
/// the cluster five minutes on, not an hour of one-second ticks to wait through. Clients outside the sandbox (a real
/// kubectl through the connect endpoint) reach <see cref="LiveCluster"/> and keep its clock in step with
/// <see cref="CatchUpAsync"/>, serialized with the typed commands.
/// </remarks>
public sealed class SandboxSession(ScenarioRunner runner, TimeProvider wallClock) : IAsyncDisposable
{
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromMinutes(5);

    /// <summary>The lesson a sandbox runs: the default cluster and kubeconfig, no files, no steps.</summary>
    public static readonly Scenario Blank = new(Path.Combine(AppContext.BaseDirectory, "sandbox-has-no-files", "sandbox.yaml"),
        new LessonMetadata("sandbox", "Sandbox", "Your own cluster: type kubectl and curl commands.", LessonLevel.Beginner, 0, []),
        [], ClusterSetup.Default, []);

    private readonly SerializedRun _serialized = new();
    /// <summary>Streaming commands still running, by entry number: their terminal, their step as started, the cluster before it.</summary>
    private readonly Dictionary<int, (string Terminal, StepTranscript Started, ClusterSnapshot Before)> _streams = [];
    /// <summary>The wall-clock instant the simulated clock last caught up with (whole seconds are passed, the rest waits).</summary>
    private DateTimeOffset _syncedAt;

    /// <summary>Every line typed so far; a new list for each, so the page can read it while a command runs.</summary>
    public IReadOnlyList<SandboxEntry> Entries { get; private set; } = [];

    /// <summary>The cluster after the last command (null until started).</summary>
    public ClusterSnapshot? Cluster { get; private set; }

    /// <summary>The sandbox's cluster itself (null until started), for clients outside the sandbox: its API server, exchanges, users.</summary>
    public ControlPlane.Cluster? LiveCluster { get; private set; }

    /// <summary>Tab completion against the cluster as the last command left it.</summary>
    public CommandCompletion Completion => new(_serialized.Run?.Cluster.Catalog ?? ControlPlane.Catalog.ResourceCatalog.Default,
        Cluster ?? throw new InvalidOperationException("the sandbox has not started"), "default");

    public Task StartAsync(CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        if (_serialized.Run is null)
        {
            _serialized.Run = await runner.StartAsync(Blank, cancellationToken);
            LiveCluster = _serialized.Run.Cluster;
            _syncedAt = wallClock.GetUtcNow();
        }
        // Started already (another page of the learner's): the cluster as it is now, whoever changed it since.
        Cluster = ClusterSnapshot.Read(_serialized.Run.Cluster);
        return 0;
    }, cancellationToken);

    /// <summary>Runs a typed line; null for a blank one.</summary>
    public Task<SandboxEntry?> RunAsync(string line, CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        var run = _serialized.Run ?? throw new InvalidOperationException("the sandbox has not started");
        if (line.Trim().Length == 0) return null;
        await PassWallTimeAsync(run, cancellationToken);
        var before = ClusterSnapshot.Read(run.Cluster);
        var typed = await run.RunTypedAsync(line, cancellationToken);
        Cluster = ClusterSnapshot.Read(run.Cluster);
        // The command's own time is the simulated time it took: the wall time it took is not passed again.
        _syncedAt = wallClock.GetUtcNow();
        var view = typed.Step is { } step ? StepView.Of([step], before, Cluster, run.Cluster.Catalog) : null;
        var lead = line.Length - line.TrimStart().Length;
        var errors = typed.Errors.Select(e => new TypedError(Math.Max(1, e.At.Column - lead), e.Message)).ToList();
        var entry = new SandboxEntry(Entries.Count + 1, line.Trim(), view, errors, typed.Terminal is not null);
        if (typed is { Terminal: { } terminal, Step: { } started }) _streams[entry.Number] = (terminal, started, before);
        Entries = [.. Entries, entry];
        return (SandboxEntry?)entry;
    }, cancellationToken);

    /// <summary>Whether a command is streaming (the page then refreshes it, and time moves with the wall clock).</summary>
    public bool IsStreaming => Entries.Any(e => e.Streaming);

    /// <summary>
    /// Lets wall-clock time pass on the cluster, then shows each streaming command as it is now: what it printed since,
    /// its exchanges with the events sent so far. A command that ended by itself (its pod went) is ended as Ctrl-C would.
    /// </summary>
    public Task RefreshStreamsAsync(CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        var run = _serialized.Run ?? throw new InvalidOperationException("the sandbox has not started");
        if (_streams.Count == 0) return 0;
        await PassWallTimeAsync(run, cancellationToken);
        foreach (var number in _streams.Keys.ToList())
        {
            var (terminal, started, before) = _streams[number];
            if (run.IsRunning(terminal)) Replace(number, await run.PeekAsync(started, terminal, cancellationToken), before, run, streaming: true);
            else await StopStreamAsync(run, number, cancellationToken);
        }
        Cluster = ClusterSnapshot.Read(run.Cluster);
        return 0;
    }, cancellationToken);

    /// <summary>Presses Ctrl-C in the terminal of entry <paramref name="number"/> (the latest stream when null); false when none streams.</summary>
    public Task<bool> StopAsync(int? number = null, CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        var run = _serialized.Run ?? throw new InvalidOperationException("the sandbox has not started");
        var which = number ?? (_streams.Count == 0 ? 0 : _streams.Keys.Max());
        if (!_streams.ContainsKey(which)) return false;
        await PassWallTimeAsync(run, cancellationToken);
        await StopStreamAsync(run, which, cancellationToken);
        Cluster = ClusterSnapshot.Read(run.Cluster);
        _syncedAt = wallClock.GetUtcNow();
        return true;
    }, cancellationToken);

    private async Task StopStreamAsync(LessonRun run, int number, CancellationToken cancellationToken)
    {
        var (terminal, started, before) = _streams[number];
        _streams.Remove(number);
        Replace(number, await run.StopTypedAsync(started, terminal, cancellationToken), before, run, streaming: false);
    }

    private void Replace(int number, StepTranscript step, ClusterSnapshot before, LessonRun run, bool streaming)
    {
        var view = StepView.Of([step], before, ClusterSnapshot.Read(run.Cluster), run.Cluster.Catalog);
        Entries = Entries.Select(e => e.Number == number ? e with { View = view, Streaming = streaming } : e).ToList();
    }

    /// <summary>Moves the cluster's clock on by the whole seconds of wall-clock time since it last caught up (up to the cap).</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        var run = _serialized.Run ?? throw new InvalidOperationException("the sandbox has not started");
        await PassWallTimeAsync(run, cancellationToken);
        return 0;
    }, cancellationToken);

    private async Task PassWallTimeAsync(LessonRun run, CancellationToken cancellationToken)
    {
        var now = wallClock.GetUtcNow();
        var behind = now - _syncedAt;
        var pass = TimeSpan.FromSeconds(Math.Floor(Math.Clamp(behind.TotalSeconds, 0, MaxCatchUp.TotalSeconds)));
        await run.PassTimeAsync(pass, cancellationToken);
        // Past the cap the rest is forgotten; below it, the fraction of a second left over waits for the next catch-up.
        _syncedAt = behind > MaxCatchUp ? now : _syncedAt + pass;
    }

    public ValueTask DisposeAsync() => _serialized.DisposeAsync();
}
