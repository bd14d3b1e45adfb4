using System.Diagnostics;
using System.Net;
using System.Text;
using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using KubeLab.Site.Operations;
using KubeLab.Site.Tests.Browser;
using KubeLab.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KubeLab.Site.Tests.Hardening;

/// <summary>
/// Cycles of learners on the site, on loopback: each cycle new learners arrive (a page, the kubeconfig download), type
/// sandbox commands through their cluster as the sandbox page does, send their own requests to the connect endpoint
/// over HTTPS, and play lessons as the player does; then they leave, and the idle sweep (a one-second timeout, the real
/// clock) discards their clusters. After every cycle: heap, handles, threads and timers. What must hold: every cluster
/// made in the run is collected once discarded, nothing is left in the session count, and from the middle cycle to the
/// last the figures do not grow (a leak grows with cycles; a cache filled by the first does not).
/// </summary>
/// <remarks>
/// Short by default (CI: about 15 s of cycles); <c>KUBELAB_SOAK_SECONDS=600</c> runs ten minutes, <c>KUBELAB_SOAK_SEED</c>
/// changes what the learners do (the seed is printed).
/// </remarks>
[NonParallelizable]
public class SoakTests
{
    private const int LearnersPerCycle = 3;
    private const int LessonsPerCycle = 3;
    private const int MinCycles = 5;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1);

    /// <summary>What the learners type: most settle at once, some start pods, one streams until Ctrl-C.</summary>
    private static readonly string[] Commands =
    [
        "kubectl get pods", "kubectl create namespace team-a", "kubectl create deployment web --image=nginx --replicas=2",
        "kubectl run one --image=busybox -- sleep 3600", "kubectl get all -A", "kubectl create configmap settings --from-literal=a=b",
        "kubectl get pods -w", "kubectl delete namespace team-a", "kubectl describe nodes", "kubectl get events", "not-a-command at all",
    ];

    [Test]
    public async Task SessionsThatExpireGiveBackTheirMemoryHandlesThreadsAndTimers()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("KUBELAB_SOAK_SECONDS"), out var seconds) ? seconds : 15);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("KUBELAB_SOAK_SEED"), out var given) ? given : 20261121;
        var random = new Random(seed);
        await using var site = new SiteHost(Path.Combine(RepositoryRoot.Path, "scenarios"),
            host => host.UseSetting($"{LearnerOptions.Section}:{nameof(LearnerOptions.IdleTimeout)}", IdleTimeout.ToString()));
        var siteUrl = site.Start();
        var learners = site.Services.GetRequiredService<LearnerClusters>();
        var lessons = site.Services.GetRequiredService<LessonSessions>();
        var library = site.Services.GetRequiredService<LessonLibrary>();
        var gate = site.Services.GetRequiredService<SessionGate>();
        var clusters = new List<WeakReference>();
        void Made(ControlPlane.Cluster cluster)
        {
            lock (clusters) clusters.Add(new WeakReference(cluster));
        }
        learners.Started += Made;
        lessons.Started += Made;
        var tally = new Tally();

        // One cycle before the baseline: the first fills what is made once (compiled code, catalogs, pools).
        await CycleAsync(siteUrl, learners, lessons, library, random, tally);
        var baseline = await ProcessResources.ReadAsync();
        var readings = new List<ProcessResources>();
        var clock = Stopwatch.StartNew();
        while (readings.Count < MinCycles || clock.Elapsed < duration)
        {
            await CycleAsync(siteUrl, learners, lessons, library, random, tally);
            readings.Add(await ProcessResources.ReadAsync());
        }

        var (middle, last) = (readings[readings.Count / 2], readings[^1]);
        var alive = clusters.Count(c => c.IsAlive);
        TestContext.Progress.WriteLine($"soak: seed {seed}, {readings.Count + 1} cycles in {clock.Elapsed.TotalSeconds:F0} s, {clusters.Count} clusters made, {alive} still reachable after discard");
        TestContext.Progress.WriteLine($"soak: {tally}");
        TestContext.Progress.WriteLine($"soak: baseline {baseline}");
        TestContext.Progress.WriteLine($"soak: middle   {middle}");
        TestContext.Progress.WriteLine($"soak: last     {last}");
        // Which timers, when they grew: the callbacks name who scheduled them.
        if (last.Timers > middle.Timers) TestContext.Progress.WriteLine(TimerDump.Dump());

        Assert.Multiple(() =>
        {
            Assert.That(tally.Failures, Is.Empty, "commands, steps and requests that threw");
            Assert.That(tally.ServerErrors, Is.Zero, "5xx answers from the connect endpoint");
            Assert.That(alive, Is.Zero, "clusters still reachable once discarded");
            Assert.That(gate.Count, Is.Zero, "sessions still counted");
            Assert.That(learners.Count, Is.Zero, "learners' clusters not discarded");
            // Bounds far above the noise (a few MB of pooled buffers, a handful of pool threads) and far below a cycle's
            // worth of sessions (6 clusters, ≈ 20 MB), and with no per-cycle allowance: what leaks every cycle shows.
            Assert.That(last.Heap - middle.Heap, Is.LessThan(8_000_000), "heap from the middle cycle to the last");
            Assert.That(last.Heap - baseline.Heap, Is.LessThan(16_000_000), "heap from the baseline to the last cycle");
            Assert.That(last.Handles - middle.Handles, Is.LessThanOrEqualTo(10), "handles from the middle cycle to the last");
            Assert.That(last.Threads - middle.Threads, Is.LessThanOrEqualTo(8), "threads from the middle cycle to the last");
            Assert.That(last.Timers - middle.Timers, Is.LessThanOrEqualTo(4), "timers from the middle cycle to the last");
        });
    }

    private static async Task CycleAsync(string siteUrl, LearnerClusters learners, LessonSessions lessons, LessonLibrary library, Random random, Tally tally)
    {
        var work = new List<Task>();
        for (var i = 0; i < LearnersPerCycle; i++) work.Add(LearnerAsync(siteUrl, learners, random.Next(), tally));
        for (var i = 0; i < LessonsPerCycle; i++) work.Add(LessonAsync(lessons, library.Lessons[random.Next(library.Lessons.Count)].Id, random.Next(1, 4), tally));
        await Task.WhenAll(work);
        // The learners have left: the sweep discards their clusters once idle for the timeout.
        var deadline = Stopwatch.StartNew();
        while (learners.Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
    }

    /// <summary>A learner: the home page and the kubeconfig (over HTTP), the sandbox's commands, their own requests to the connect endpoint.</summary>
    private static async Task LearnerAsync(string siteUrl, LearnerClusters learners, int seed, Tally tally)
    {
        var random = new Random(seed);
        using var browser = new SiteVisitor(siteUrl);
        var kubeconfig = await browser.ArriveAsync();
        await tally.TimeAsync("sandbox", async () =>
        {
            using var page = await learners.OpenAsync(browser.LearnerId!);
            for (var i = 0; i < 3; i++)
            {
                var line = Commands[random.Next(Commands.Length)];
                if (await page.Cluster.RunAsync(line) is { Streaming: true } streaming) await page.Cluster.StopAsync(streaming.Number);
            }
        });
        using var http = kubeconfig.HttpClient();
        var name = $"soak-{random.Next(1000)}";
        var requests = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500", null),
            (HttpMethod.Post, "/api/v1/namespaces/default/configmaps", $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"},"data":{"k":"v"}}"""),
            (HttpMethod.Post, "/api/v1/namespaces/default/configmaps", $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"}}"""),
            (HttpMethod.Get, "/api/v1/namespaces/default/configmaps/missing", null),
            (HttpMethod.Delete, $"/api/v1/namespaces/default/configmaps/{name}", null),
            (HttpMethod.Get, "/apis/apps/v1/deployments", null),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, kubeconfig.Server + path);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            await tally.RequestAsync(() => http.SendAsync(request));
        }
    }

    /// <summary>A lesson page: its session opened, played some steps in, then left (the page disposes it).</summary>
    private static Task LessonAsync(LessonSessions lessons, string id, int steps, Tally tally) => tally.TimeAsync("lesson", async () =>
    {
        await using var session = lessons.Open(id, LearnerCookie.NewId()) ?? throw new InvalidOperationException($"no lesson {id}");
        await session.GoToAsync(steps);
    });

    /// <summary>What the run did: requests by status code and the slowest, sandbox and lesson work timed, what threw.</summary>
    private sealed class Tally
    {
        private readonly Lock _sync = new();
        private readonly SortedDictionary<int, int> _byCode = [];
        private readonly Dictionary<string, (int Count, TimeSpan Max)> _work = [];

        public List<string> Failures { get; } = [];

        public int ServerErrors
        {
            get { lock (_sync) return _byCode.Where(c => c.Key >= 500).Sum(c => c.Value); }
        }

        public async Task RequestAsync(Func<Task<HttpResponseMessage>> send)
        {
            var clock = Stopwatch.StartNew();
            using var response = await send();
            await response.Content.ReadAsStringAsync();
            Add("connect request", clock.Elapsed);
            lock (_sync) _byCode[(int)response.StatusCode] = _byCode.GetValueOrDefault((int)response.StatusCode) + 1;
        }

        public async Task TimeAsync(string what, Func<Task> work)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await work();
            }
            catch (Exception e)
            {
                lock (_sync) Failures.Add($"{what}: {e.Message}");
            }
            Add(what, clock.Elapsed);
        }

        private void Add(string what, TimeSpan took)
        {
            lock (_sync)
            {
                var (count, max) = _work.GetValueOrDefault(what);
                _work[what] = (count + 1, took > max ? took : max);
            }
        }

        public override string ToString()
        {
            lock (_sync)
                return string.Join("; ", _work.Select(w => $"{w.Value.Count} × {w.Key} (max {w.Value.Max.TotalMilliseconds:F0} ms)"))
                    + "; connect answers by code: " + string.Join(", ", _byCode.Select(c => $"{c.Key} {(HttpStatusCode)c.Key}: {c.Value}"))
                    + $"; {Failures.Count} failures";
        }
    }
}
