using System.Diagnostics;
using KubeLab.Site.Benchmarks;

namespace KubeLab.LoadTest;

/// <summary>
/// A load run: the site started once, a few unrecorded learners to warm it, the single-learner baseline (learners one
/// after another, the same mix), then each ramp of concurrent learners. A ramp's learners arrive at a steady rate and
/// open their sessions; once all are in, they take their steps with seeded think times between, and wait until all
/// are done; then the sessions held are counted and memory is read, and all leave. The ramp ends when every learner's cluster has been
/// discarded by the site's idle sweep, so the next starts from none.
/// </summary>
public sealed class LoadRun(LoadOptions options, TextWriter progress)
{
    private static readonly TimeSpan DiscardWithin = TimeSpan.FromSeconds(60);
    /// <summary>Concurrent learners that warm the site (at most the largest ramp's).</summary>
    private const int WarmUpLearners = 50;

    /// <param name="lessons">The lessons folder the site serves (the bundled lessons).</param>
    public async Task<LoadReport> RunAsync(string lessons, CancellationToken cancellationToken = default)
    {
        await using var site = new SiteUnderLoad(lessons);
        var machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}";
        progress.WriteLine($"{site.BaseUrl}: {machine}; ramps {string.Join(", ", options.Levels)}; {options.Steps} steps; " +
            $"think {options.ThinkMin.TotalMilliseconds:0}-{options.ThinkMax.TotalMilliseconds:0} ms; load average {LoadAverage()}");

        // Unrecorded: the first calls pay for JIT compilation, and tiered compilation replaces a method only after some
        // thirty calls; a baseline on cold code (opening a session is called once per learner) would flatter every ramp.
        await RunAsync(site, new LearnerMix(site, options), Math.Min(WarmUpLearners, options.Levels.Max()), oneAtATime: false, think: false, cancellationToken);
        var baseline = await RunAsync(site, new LearnerMix(site, options), options.BaselineLearners, oneAtATime: true, think: true, cancellationToken);
        progress.WriteLine(Line("baseline", baseline));

        var ramps = new List<RampResult>();
        foreach (var level in options.Levels)
        {
            var ramp = await RunAsync(site, new LearnerMix(site, options), level, oneAtATime: false, think: true, cancellationToken);
            ramps.Add(ramp);
            progress.WriteLine(Line($"{level} learners", ramp));
            if (ramp.Steps.P95 > options.GiveUpMs || ramp.Steps.Count == 0)
            {
                progress.WriteLine($"p95 past {options.GiveUpMs} ms: the higher ramps are not run");
                break;
            }
        }
        return new LoadReport(options, machine, baseline, ramps);
    }

    private async Task<RampResult> RunAsync(SiteUnderLoad site, LearnerMix mix, int count, bool oneAtATime, bool think, CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var started = Stopwatch.GetTimestamp();
        var before = Memory.Read();
        var recorder = new Recorder();
        var learners = Enumerable.Range(0, count).Select(_ => mix.Next()).ToList();
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leave = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = 0;

        var opened = 0;
        var allOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Arrivals at the configured rate (and over one think time at least), so that a ramp is not one burst of page loads.
        var arrivals = TimeSpan.FromSeconds(Math.Max(options.ThinkMax.TotalSeconds, count / options.ArrivalsPerSecond));

        async Task LearnAsync(Learner learner, int index)
        {
            var random = new Random(HashCode.Combine(options.Seed, count, index));
            if (!oneAtATime) await Task.Delay(Think(random, TimeSpan.Zero, arrivals), cancellationToken);
            var open = await recorder.OpenAsync(learner, () => learner.OpenAsync(cancellationToken));
            // The class starts when everyone is in: all N learners step together, holding N sessions.
            if (Interlocked.Increment(ref opened) == count) allOpened.TrySetResult();
            if (!oneAtATime) await allOpened.Task;
            if (open)
            {
                for (var step = 1; step <= learner.StepCount; step++)
                {
                    if (think) await Task.Delay(Think(random, options.ThinkMin, options.ThinkMax), cancellationToken);
                    var n = step;
                    if (!await recorder.StepAsync(learner, n, () => learner.StepAsync(n, cancellationToken))) break;
                }
            }
            if (Interlocked.Increment(ref done) == count) allDone.TrySetResult();
        }

        int held, clustersHeld;
        Memory memoryHeld;
        if (oneAtATime)
        {
            for (var i = 0; i < count; i++)
            {
                await LearnAsync(learners[i], i);
                await learners[i].DisposeAsync();
            }
            (held, clustersHeld, memoryHeld) = (1, 0, before);
        }
        else
        {
            var running = learners.Select((l, i) => Task.Run(async () =>
            {
                await LearnAsync(l, i);
                await leave.Task;
                await l.DisposeAsync();
            }, cancellationToken)).ToList();
            await allDone.Task;
            clustersHeld = site.Clusters.Count;
            held = clustersHeld + learners.Count(l => l is LessonLearner { Holding: true });
            memoryHeld = Memory.Read();
            leave.SetResult();
            await Task.WhenAll(running);
        }
        var clustersLeft = await DiscardedAsync(site);
        return new RampResult(
            count, held, clustersHeld, clustersLeft, recorder.Steps, recorder.StepsByKind, recorder.OpensByKind, recorder.StepsPerSecond,
            recorder.Errors, (memoryHeld.Objects - before.Objects) / (double)count, (memoryHeld.WorkingSet - before.WorkingSet) / (double)count,
            memoryHeld.Objects, Stopwatch.GetElapsedTime(started), $"{loadBefore} → {LoadAverage()}");
    }

    /// <summary>Waits for the site's idle sweep to discard every learner's cluster; how many are left if it does not in time.</summary>
    private static async Task<int> DiscardedAsync(SiteUnderLoad site)
    {
        var until = Stopwatch.GetTimestamp() + (long)(DiscardWithin.TotalSeconds * Stopwatch.Frequency);
        while (site.Clusters.Count > 0 && Stopwatch.GetTimestamp() < until) await Task.Delay(SiteUnderLoad.IdleTimeout / 4);
        return site.Clusters.Count;
    }

    private static TimeSpan Think(Random random, TimeSpan min, TimeSpan max) =>
        min + (max - min) * random.NextDouble();

    /// <summary>The 1-minute load average (Linux), the machine's load from everyone on it.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Line(string what, RampResult r) =>
        $"{what}: {r.Steps.Count} steps, {r.Errors.Count} errors, p50 {r.Steps.P50:0.0} ms, p95 {r.Steps.P95:0.0} ms, p99 {r.Steps.P99:0.0} ms, " +
        $"{r.StepsPerSecond:0.0} steps/s, {r.SessionsHeld} sessions held, {r.HeapPerSession / (1024 * 1024):0.00} MB heap each, " +
        $"{r.Duration.TotalSeconds:0} s, load {r.LoadAverage}";
}

/// <summary>What one ramp (or the baseline) measured.</summary>
/// <param name="SessionsHeld">Sessions open at once when all learners had taken their steps: the site's learner clusters plus lesson sessions.</param>
/// <param name="ClustersLeft">Learner clusters the site still held a minute after everyone left (0 unless the idle sweep failed).</param>
/// <param name="HeapPerSession">Managed heap (objects, after full collections) gained per learner, in bytes.</param>
public sealed record RampResult(
    int Learners,
    int SessionsHeld,
    int ClustersHeld,
    int ClustersLeft,
    Latency Steps,
    IReadOnlyDictionary<string, Latency> StepsByKind,
    IReadOnlyDictionary<string, Latency> OpensByKind,
    double StepsPerSecond,
    IReadOnlyList<string> Errors,
    double HeapPerSession,
    double WorkingSetPerSession,
    long HeapHeld,
    TimeSpan Duration,
    string LoadAverage);
