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
/// a step (<see cref="LessonRun.RunTypedAsync"/>). Commands run one at a time (<see cref="SerializedRun"/>).
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

    private readonly SerializedRun _serialized = new();
    private DateTimeOffset _idleSince;

    /// <summary>Every line typed so far; a new list for each, so the page can read it while a command runs.</summary>
    public IReadOnlyList<SandboxEntry> Entries { get; private set; } = [];

    /// <summary>The cluster after the last command (null until started).</summary>
    public ClusterSnapshot? Cluster { get; private set; }

    /// <summary>Tab completion against the cluster as the last command left it.</summary>
    public CommandCompletion Completion => new(_serialized.Run?.Cluster.Catalog ?? ControlPlane.Catalog.ResourceCatalog.Default,
        Cluster ?? throw new InvalidOperationException("the sandbox has not started"), "default");

    public Task StartAsync(CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        var run = _serialized.Run ??= await runner.StartAsync(Blank, cancellationToken);
        Cluster = ClusterSnapshot.Read(run.Cluster);
        _idleSince = wallClock.GetUtcNow();
        return 0;
    }, cancellationToken);

    /// <summary>Runs a typed line; null for a blank one.</summary>
    public Task<SandboxEntry?> RunAsync(string line, CancellationToken cancellationToken = default) => _serialized.UseAsync(async () =>
    {
        var run = _serialized.Run ?? throw new InvalidOperationException("the sandbox has not started");
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
        var entry = new SandboxEntry(Entries.Count + 1, line.Trim(), view, errors);
        Entries = [.. Entries, entry];
        return (SandboxEntry?)entry;
    }, cancellationToken);

    public ValueTask DisposeAsync() => _serialized.DisposeAsync();
}
