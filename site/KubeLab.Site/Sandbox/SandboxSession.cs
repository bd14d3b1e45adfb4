using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;
using KubeLab.Site.ClusterView;
using KubeLab.Site.Lessons;

namespace KubeLab.Site.Sandbox;

/// <summary>A command typed in the sandbox and what came of it: its step as the player shows one, or why it did not run.</summary>
/// <param name="Number">From 1, in the order typed (refused lines count too: they are in the scrollback).</param>
public sealed record SandboxEntry(int Number, string Line, StepView? View, IReadOnlyList<TypedError> Errors);

/// <summary>Why a typed line did not run, at a column (from 1) of the line as shown (leading blanks dropped).</summary>
public sealed record TypedError(int Column, string Message);

/// <summary>
/// One learner's sandbox: a lesson run with no scripted steps on a cluster of its own, where each typed command is
/// a step (<see cref="LessonRun.RunTypedAsync"/>). Commands are serialized, and run off the caller's synchronization
/// context (a Blazor circuit's) so the runner's awaits never wait on the UI.
/// </summary>
/// <remarks>
/// Time: the cluster keeps a lesson's simulated clock (controllers settle after every command, as after a lesson
/// step), and before each command it moves on by as much wall-clock time as passed since the last one ended, so a
/// pod's age and a grace period mean what the learner lived. The catch-up is capped: a learner back from lunch finds
/// the cluster five minutes on, not an hour of one-second ticks to wait through.
/// </remarks>
public sealed class SandboxSession(ScenarioRunner runner, TimeProvider wallClock) : IAsyncDisposable
{
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromMinutes(5);

    /// <summary>The lesson a sandbox runs: the default cluster and kubeconfig, no files, no steps.</summary>
    public static readonly Scenario Blank = new(Path.Combine(AppContext.BaseDirectory, "sandbox-has-no-files", "sandbox.yaml"),
        new LessonMetadata("sandbox", "Sandbox", "Your own cluster: type kubectl and curl commands.", LessonLevel.Beginner, 0, []),
        [], ClusterSetup.Default, []);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<SandboxEntry> _entries = [];
    private LessonRun? _run;
    private DateTimeOffset _idleSince;

    public IReadOnlyList<SandboxEntry> Entries => _entries;

    /// <summary>The cluster after the last command (null until started).</summary>
    public ClusterSnapshot? Cluster { get; private set; }

    /// <summary>Tab completion against the cluster as the last command left it.</summary>
    public CommandCompletion Completion => new(_run?.Cluster.Catalog ?? ControlPlane.Catalog.ResourceCatalog.Default,
        Cluster ?? throw new InvalidOperationException("the sandbox has not started"), "default");

    public Task StartAsync(CancellationToken cancellationToken = default) => Serialized(async () =>
    {
        _run ??= await runner.StartAsync(Blank, cancellationToken);
        Cluster = ClusterSnapshot.Read(_run.Cluster);
        _idleSince = wallClock.GetUtcNow();
        return 0;
    }, cancellationToken);

    /// <summary>Runs a typed line; null for a blank one.</summary>
    public Task<SandboxEntry?> RunAsync(string line, CancellationToken cancellationToken = default) => Serialized(async () =>
    {
        var run = _run ?? throw new InvalidOperationException("the sandbox has not started");
        if (line.Trim().Length == 0) return null;
        var idle = wallClock.GetUtcNow() - _idleSince;
        await run.PassTimeAsync(TimeSpan.FromSeconds(Math.Floor(Math.Min(idle.TotalSeconds, MaxCatchUp.TotalSeconds))), cancellationToken);
        var before = ClusterSnapshot.Read(run.Cluster);
        var typed = await run.RunTypedAsync(line, cancellationToken);
        Cluster = ClusterSnapshot.Read(run.Cluster);
        _idleSince = wallClock.GetUtcNow();
        var view = typed.Step is { } step ? StepView.Of([step], before, Cluster, run.Cluster.Catalog) : null;
        var lead = line.Length - line.TrimStart().Length;
        var errors = typed.Errors.Select(e => new TypedError(Math.Max(1, e.At.Column - lead), e.Message)).ToList();
        var entry = new SandboxEntry(_entries.Count + 1, line.Trim(), view, errors);
        _entries.Add(entry);
        return (SandboxEntry?)entry;
    }, cancellationToken);

    private async Task<T> Serialized<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            _gate.Release();
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
