using KubeLab.Site.Operations;
using System.Diagnostics;
using KubeLab.Site.Lessons;
using Microsoft.Playwright;

namespace KubeLab.Site.Benchmarks;

/// <summary>
/// One run: the timed interactions with no other learner on the site, then with <see cref="Options.Sessions"/>
/// learners' pages open (lessons moved a few steps in, sandboxes that ran a command), and the server's memory
/// before, with them and after they leave. The baselines are in the same run: the same interactions alone, and a
/// catalog filter click — a round trip through a circuit that does no lesson work.
/// </summary>
internal sealed class SiteBenchmark(Options options, IBrowser browser, string baseUrl, LessonLibrary library, CircuitCount circuits)
{
    public const string Baseline = "Catalog filter click (circuit round trip)";
    private const string SandboxCommand = "kubectl get pods";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Linger = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(40);

    private readonly List<string> _problems = [];

    /// <summary>What the pages reported (uncaught errors, console errors): any makes the run fail.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public async Task<Report> RunAsync(TextWriter log)
    {
        foreach (var id in options.Lessons)
            if (library.Find(id) is null) throw new ArgumentException($"no lesson \"{id}\" in {library.Folder}");

        log.WriteLine("warming up (one round, not counted)…");
        await using (var warm = await NewContextAsync()) await RoundAsync(warm, repeat: 1);
        log.WriteLine("alone…");
        Dictionary<string, Samples> alone;
        await using (var context = await NewContextAsync()) alone = await RoundAsync(context, options.Repeat);
        var before = await SettledAsync(await MemoryAtAsync(0));

        await using var crowd = await NewContextAsync();
        var lessons = options.Sessions - options.Sandboxes;
        log.WriteLine($"opening {lessons} lesson pages…");
        var opening = Stopwatch.StartNew();
        var learners = await OpenBatchesAsync(crowd, lessons, (learner, i) =>
        {
            var lesson = library.Lessons[i % library.Lessons.Count];
            return learner.OpenLessonAsync(lesson.Id, Math.Min(options.BackgroundStep, lesson.Steps.Count));
        });
        var lessonsOpened = opening.Elapsed;
        var withLessons = await MemoryAtAsync(lessons);
        log.WriteLine($"opening {options.Sandboxes} sandbox pages…");
        opening.Restart();
        learners.AddRange(await OpenBatchesAsync(crowd, options.Sandboxes, async (learner, _) =>
        {
            await learner.OpenSandboxAsync();
            var (_, output) = await learner.RunAsync("kubectl create deployment web --image=nginx --replicas=2", 1);
            if (!output.Contains("deployment.apps/web created", StringComparison.Ordinal))
                throw new InvalidOperationException($"the sandbox's command did not run: {output}");
        }));
        var sandboxesOpened = opening.Elapsed;
        var withAll = await MemoryAtAsync(options.Sessions);

        log.WriteLine($"with {options.Sessions} sessions open…");
        Dictionary<string, Samples> loaded;
        await using (var context = await NewContextAsync()) loaded = await RoundAsync(context, options.Repeat);
        await MemoryAtAsync(options.Sessions); // the timed pages' circuits are gone again

        log.WriteLine("closing…");
        var left = Stopwatch.StartNew();
        await Task.WhenAll(learners.Select(l => l.LeaveAsync()));
        var after = await MemoryAtAsync(0);
        var closed = left.Elapsed;
        after = await ReturnedAsync(before, after);
        return new Report(options, alone, loaded, before, withLessons, withAll, closed, after, left.Elapsed, lessonsOpened, sandboxesOpened);
    }

    /// <summary>Every timed interaction once per repetition, each lesson on a fresh page (a fresh session).</summary>
    private async Task<Dictionary<string, Samples>> RoundAsync(IBrowserContext context, int repeat)
    {
        var round = new Dictionary<string, Samples>();
        Samples Of(string name) => round.TryGetValue(name, out var s) ? s : round[name] = new Samples();

        var catalog = await NewLearnerAsync(context);
        await catalog.OpenCatalogAsync();
        var tags = await catalog.TagsAsync();
        for (var i = 1; i <= options.Clicks; i++) Of(Baseline).Add(await catalog.FilterAsync(tags[i % tags.Count]));
        await catalog.LeaveAsync();

        for (var r = 0; r < repeat; r++)
            foreach (var id in options.Lessons)
            {
                var learner = await NewLearnerAsync(context);
                await learner.OpenLessonAsync(id, 0);
                for (var step = 1; step <= library.Find(id)!.Steps.Count; step++) Of($"Lesson step, {id}").Add(await learner.NextAsync(step));
                await learner.LeaveAsync();
            }

        var sandbox = await NewLearnerAsync(context);
        await sandbox.OpenSandboxAsync();
        for (var i = 1; i <= options.Commands; i++) Of($"Sandbox `{SandboxCommand}`").Add((await sandbox.RunAsync(SandboxCommand, i)).Milliseconds);
        await sandbox.LeaveAsync();
        return round;
    }

    /// <summary>Opens pages in batches (the browser and the server start a batch's circuits together), each made ready by <paramref name="open"/>.</summary>
    private async Task<List<Learner>> OpenBatchesAsync(IBrowserContext context, int count, Func<Learner, int, Task> open)
    {
        var learners = new List<Learner>();
        for (var first = 0; first < count; first += options.Batch)
        {
            var batch = await Task.WhenAll(Enumerable.Range(first, Math.Min(options.Batch, count - first)).Select(async i =>
            {
                var learner = await NewLearnerAsync(context);
                await open(learner, i);
                return learner;
            }));
            learners.AddRange(batch);
        }
        return learners;
    }

    /// <summary>Memory once the site holds exactly <paramref name="expected"/> circuits (a closed page's goes at once: see <see cref="Learner.LeaveAsync"/>).</summary>
    private async Task<Memory> MemoryAtAsync(int expected)
    {
        var until = DateTime.UtcNow + Settle;
        while (circuits.Open != expected)
        {
            if (DateTime.UtcNow > until)
                throw new InvalidOperationException($"the site holds {circuits.Open} circuits, not {expected}, {Settle.TotalSeconds} s after the pages were opened or closed");
            await Task.Delay(100);
        }
        return Memory.Read();
    }

    /// <summary>
    /// Memory read again every few seconds until the heap's objects are back near <paramref name="before"/> (within
    /// 5 MB), or a couple of minutes have passed: a session whose objects stay reachable after its circuit closed leaks.
    /// </summary>
    private static async Task<Memory> ReturnedAsync(Memory before, Memory now)
    {
        for (var waited = TimeSpan.Zero; now.Objects > before.Objects + 5 * 1024 * 1024 && waited < Linger; waited += Poll)
        {
            await Task.Delay(Poll);
            now = Memory.Read();
        }
        return now;
    }

    /// <summary>
    /// Memory once the heap's objects have not fallen for <see cref="Quiet"/>: sessions' objects stay reachable for up
    /// to about half a minute after their circuits close (seen here; the holder is not pinned down), so a reading
    /// taken right after the timed pages left would count them as the site's own.
    /// </summary>
    private static async Task<Memory> SettledAsync(Memory now)
    {
        var quiet = Stopwatch.StartNew();
        for (var waited = TimeSpan.Zero; quiet.Elapsed < Quiet && waited < Linger; waited += Poll)
        {
            await Task.Delay(Poll);
            var next = Memory.Read();
            if (next.Objects < now.Objects - 1024 * 1024) quiet.Restart();
            now = next;
        }
        return now;
    }

    private async Task<IBrowserContext> NewContextAsync() => await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
    });

    private async Task<Learner> NewLearnerAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)InPageTiming.Timeout.TotalMilliseconds);
        page.PageError += (_, error) => Problem($"uncaught error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Problem($"console error on {page.Url}: {message.Text}");
        };
        return new Learner(page);
    }

    private void Problem(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }
}
