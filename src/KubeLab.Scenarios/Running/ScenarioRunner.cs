using KubeLab.ControlPlane;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Running;

/// <summary>
/// Runs a lesson against a fresh cluster on a simulated clock with seeded ids, so the same lesson gives
/// the same transcript, byte for byte, on every run and machine. <paramref name="limits"/> bounds the clusters it
/// starts (a site's per-learner clusters); without it they are unbounded but for the real body limit, as lessons are.
/// </summary>
public sealed class ScenarioRunner(IEnumerable<IClientCommand> clients, ClusterLimits? limits = null)
{
    /// <summary>Every lesson starts at this instant.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The instant the simulated clock starts at: <see cref="Epoch"/> for lessons (the same transcript on every run),
    /// the present for a sandbox whose cluster a real kubectl also reads (it computes some ages with its own clock).
    /// </summary>
    public DateTimeOffset Start { get; init; } = Epoch;

    private readonly Dictionary<string, IClientCommand> _clients = clients.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>A step is about to run: its number (from 1), the number of steps, and the step.</summary>
    public event Action<int, int, Step>? StepStarting;

    /// <summary>A step has run; a progress display can say how it went while later steps run.</summary>
    public event Action<StepTranscript>? StepFinished;

    public async Task<Transcript> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        await using var run = await StartAsync(scenario, cancellationToken);
        while (!run.Finished)
        {
            StepStarting?.Invoke(run.Steps.Count + 1, scenario.Steps.Count, scenario.Steps[run.Steps.Count]);
            // Not inside ?.Invoke(…): with no subscriber its arguments are never evaluated.
            var step = await run.NextAsync(cancellationToken);
            StepFinished?.Invoke(step);
        }
        return run.Transcript;
    }

    /// <summary>
    /// Sets up the lesson's cluster and the learner's machine and lets the cluster settle, without running a
    /// step: the caller steps the returned run. Two runs of one lesson step through the same states.
    /// </summary>
    public async Task<LessonRun> StartAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var clock = new SimulatedClock(Start);
        var cluster = new Cluster(new ClusterOptions { Clock = clock, Seed = StableSeed(scenario.Id), Limits = limits ?? ClusterLimits.Default });
        var admin = new AdminClient(cluster, LessonSetup.AdminToken);
        var environment = await LessonSetup.PrepareAsync(scenario, cluster, admin, LessonSetup.AdminToken);
        var time = new LessonTime(cluster, clock);
        environment.AwaitProgress = time.ProgressAsync;
        environment.PassTime = time.AdvanceAsync;
        await time.SettleAsync(cancellationToken);

        var captures = new Dictionary<string, string>(StringComparer.Ordinal) { ["server"] = environment.Server };
        return new LessonRun(scenario, cluster, new StepExecutor(environment, admin, time, _clients, captures), time);
    }

    /// <summary>A seed from the lesson's id (string.GetHashCode differs per process, so not that).</summary>
    private static int StableSeed(string id) => id.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}

/// <summary>Time in a lesson: controllers settle at the current instant; the clock moves only when asked.</summary>
internal sealed class LessonTime(Cluster cluster, SimulatedClock clock)
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public Task SettleAsync(CancellationToken cancellationToken) => cluster.Controllers.SettleAsync(cancellationToken: cancellationToken);

    /// <summary>How long a waiting client may see nothing change before the lesson gives up on it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private TimeSpan _idle;

    /// <summary>
    /// For a client that waits on the cluster: lets the cluster catch up, and if nothing changed, one tick of
    /// simulated time passes. False once nothing has changed for <see cref="Patience"/>: nothing is left to happen.
    /// </summary>
    public async Task<bool> ProgressAsync(CancellationToken cancellationToken)
    {
        var before = cluster.Store.Revision;
        await SettleAsync(cancellationToken);
        if (cluster.Store.Revision == before)
        {
            if (_idle >= Patience) return false;
            clock.Advance(Tick);
            _idle += Tick;
            await SettleAsync(cancellationToken);
        }
        if (cluster.Store.Revision != before) _idle = TimeSpan.Zero;
        return true;
    }

    /// <summary>Lets the cluster catch up, then one tick of simulated time passes (and the cluster catches up again).</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        clock.Advance(Tick);
        await SettleAsync(cancellationToken);
    }

    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        for (var passed = TimeSpan.Zero; passed < by; passed += Tick)
        {
            await CatchUpAsync(cancellationToken);
            clock.Advance(by - passed < Tick ? by - passed : Tick);
        }
        await SettleAsync(cancellationToken);
    }

    /// <summary>
    /// Before time moves: the controllers settle, and every open stream handles what the present instant brought it
    /// (a followed log writes its line and sets its timer for the next, a watch writes its event), so no handler reads
    /// the clock while it moves. Without this, how far the clock got while a handler worked would depend on the
    /// machine's speed: a followed log would time its next line from a later instant and miss the end of an advance.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await SettleAsync(cancellationToken);
        try
        {
            await cluster.Api.Backlog.WhenClear().WaitAsync(StepExecutor.CommandLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new StepFailure($"the API server's open streams did not catch up within {StepExecutor.CommandLimit.TotalSeconds:0}s");
        }
    }
}
