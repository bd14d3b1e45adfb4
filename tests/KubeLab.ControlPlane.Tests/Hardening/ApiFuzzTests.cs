using System.Diagnostics;
using System.Net.Http.Headers;
using KubeLab.Testing;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>
/// Hostile requests get a clear answer and lose nothing: generated and mutated requests (see <see cref="RequestMutator"/>)
/// never get a 5xx, every error is a well-formed Status, a refused request leaves the store exactly as it was, stored
/// objects are never changed in place, and the server keeps answering <c>/readyz</c>. Seeded; CI runs a short form,
/// <c>KUBELAB_FUZZ_ITERATIONS=200000</c> a long one (docs/reliability.md).
/// </summary>
public class ApiFuzzTests
{
    /// <summary>Requests against one cluster before a fresh one is made, so a run can be replayed from an epoch's start.</summary>
    private const int Epoch = 250;
    private const int HealthEvery = 50;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Test]
    public async Task HostileRequestsGetAStatusAndLeaveTheStoreAsItWas()
    {
        var settings = FuzzSettings.FromEnvironment(defaultIterations: 1500);
        var (first, last) = settings.Case is { } only ? (only - only % Epoch, only) : (0, settings.Iterations - 1);
        TestContext.Out.WriteLine($"seed {settings.Seed}, cases {first}..{last}");
        var report = new FuzzReport();
        var failures = new List<string>();
        report.MemoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        (Cluster Cluster, HttpClient Http)? cluster = null;
        var dropped = new List<WeakReference>();
        StoreFingerprint? fingerprint = null;
        for (var index = first; index <= last && failures.Count < 10; index++)
        {
            if (index % Epoch == 0 || cluster is null)
            {
                if (cluster is { } previous) Drop(previous, report);
                cluster = NewCluster(dropped);
                await FuzzSeeds.Prepare(cluster.Value.Http);
                fingerprint = StoreFingerprint.Of(cluster.Value.Cluster);
            }
            var random = settings.ForCase(index);
            var mutator = new RequestMutator(random);
            var request = random.Next(8) == 0 ? mutator.Generate() : mutator.Mutate(FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)]);
            var outcome = await Send(cluster.Value.Http, request);
            report.Record(outcome);
            var after = StoreFingerprint.Of(cluster.Value.Cluster);
            var problem = outcome.Problem
                ?? (outcome.Code >= 500 ? $"a {outcome.Code}: {outcome.BodyText}" : null)
                ?? (outcome.Code >= 400 ? StatusShape.Problem(outcome.Code, outcome.ContentType, outcome.Body, request.Method == "HEAD") : null)
                ?? (outcome.Code >= 400 && after != fingerprint ? $"the store changed on a {outcome.Code}: {fingerprint} → {after}" : null);
            if (problem is not null)
                failures.Add($"case {index}: {request}\n  → {outcome.Code}: {problem}\n  replay: {settings.Reproduce(index, "tests/KubeLab.ControlPlane.Tests", "ApiFuzzTests")}");
            fingerprint = after;
            if (index % HealthEvery != HealthEvery - 1) continue;
            if (await Ready(cluster.Value.Http, report) is { } unready) failures.Add($"after case {index}: {unready}");
            CheckNothingMutatedInPlace(cluster.Value.Cluster, index, failures, settings);
        }
        if (cluster is { } final) CheckNothingMutatedInPlace(final.Cluster, last, failures, settings);
        if (cluster is { } lastOne) Drop(lastOne, report);
        cluster = null;
        report.MemoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        // The last cluster is still referenced by this method's own frame (Debug builds keep every local).
        report.ClustersStillReachable = dropped.SkipLast(1).Count(w => w.IsAlive);

        TestContext.Out.WriteLine(report);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>
    /// A bounded cluster (as the site gives a learner) and an admin client, without <see cref="ClusterClient"/>'s
    /// trace index, which keeps every exchange and would hide what the server itself holds on to.
    /// </summary>
    private static (Cluster Cluster, HttpClient Http) NewCluster(List<WeakReference> dropped)
    {
        var cluster = new Cluster(new ClusterOptions
        {
            Clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), Seed = 42,
            Limits = new ClusterLimits { MaxObjects = 150, MaxWatches = 5, MaxRequestBodyBytes = 1 << 20 },
        });
        cluster.Api.Authenticator.AddToken(ClusterClient.AdminToken, new KubeLab.ControlPlane.Pipeline.UserInfo("kubernetes-admin", ["system:masters", "system:authenticated"]));
        dropped.Add(new WeakReference(cluster));
        var http = new HttpClient(new KubeLab.ControlPlane.Http.InProcess.InProcessHandler(cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClusterClient.AdminToken);
        return (cluster, http);
    }

    private static void Drop((Cluster Cluster, HttpClient Http) cluster, FuzzReport report)
    {
        report.OpenWatchesAtEnd += cluster.Cluster.Api.FlowControl.OpenWatches;
        cluster.Http.Dispose();
    }

    private static void CheckNothingMutatedInPlace(Cluster cluster, int index, List<string> failures, FuzzSettings settings)
    {
        var mutated = StoreFingerprint.MutatedInPlace(cluster);
        if (mutated.Count > 0) failures.Add($"by case {index} (since the last check {HealthEvery} cases before), stored objects changed in place: {string.Join(", ", mutated)} (seed {settings.Seed})");
    }

    private static async Task<string?> Ready(HttpClient client, FuzzReport report)
    {
        var outcome = await Send(client, new FuzzRequest("GET", "/readyz", null, null));
        report.RecordHealth(outcome.Elapsed);
        return outcome is { Code: 200, BodyText: "ok" } ? null : $"/readyz answered {outcome.Code} {outcome.BodyText} {outcome.Problem}";
    }

    /// <summary>Sends one request and reads its answer; a streaming success (watch, follow) is read no further than its headers.</summary>
    public static async Task<FuzzOutcome> Send(HttpClient client, FuzzRequest request)
    {
        HttpRequestMessage message;
        try
        {
            message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(request.Body);
                if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            if (request.Accept is not null) message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        }
        catch (Exception e) when (e is UriFormatException or FormatException or ArgumentException)
        {
            return new FuzzOutcome(0, null, [], TimeSpan.Zero, null, Unsendable: true);
        }
        using (message)
        {
            var clock = Stopwatch.StartNew();
            using var hang = new CancellationTokenSource(Hang);
            try
            {
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, hang.Token);
                var code = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.ToString();
                var streaming = code < 300 && (IsWatch(request.Path) || contentType?.Contains("watch") == true || request.Path.Contains("follow=true"));
                var body = streaming ? [] : await response.Content.ReadAsByteArrayAsync(hang.Token);
                return new FuzzOutcome(code, contentType, body, clock.Elapsed, null);
            }
            catch (UriFormatException)
            {
                // The client, not the server, refuses the path (a "//host" reference against the base address).
                return new FuzzOutcome(0, null, [], TimeSpan.Zero, null, Unsendable: true);
            }
            catch (OperationCanceledException) when (hang.IsCancellationRequested)
            {
                return new FuzzOutcome(0, null, [], clock.Elapsed, $"no answer within {Hang.TotalSeconds} s");
            }
            catch (Exception e)
            {
                return new FuzzOutcome(0, null, [], clock.Elapsed, $"the server threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
    }

    private static bool IsWatch(string path) =>
        path.Contains("/watch/") || System.Text.RegularExpressions.Regex.IsMatch(path, @"[?&]watch=(1|t|T|true|TRUE|True)(&|$)");
}

/// <summary>One answer: status, media type, body, how long it took, and a problem found on the way (a hang, a throw).</summary>
public sealed record FuzzOutcome(int Code, string? ContentType, byte[] Body, TimeSpan Elapsed, string? Problem, bool Unsendable = false)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>The figures a fuzz run prints (and docs/reliability.md records).</summary>
public sealed class FuzzReport
{
    private readonly SortedDictionary<int, int> _byCode = [];
    private int _tried;
    private int _unsendable;
    private TimeSpan _maxLatency;
    private TimeSpan _maxHealth;
    private int _healthChecks;

    public long MemoryBefore { get; set; }
    public long MemoryAfter { get; set; }
    /// <summary>Watches the clients had closed that the server still counted as open when their cluster was dropped.</summary>
    public int OpenWatchesAtEnd { get; set; }
    /// <summary>Clusters dropped during the run (all but the last) that a full collection could not reclaim.</summary>
    public int ClustersStillReachable { get; set; }

    public void Record(FuzzOutcome outcome)
    {
        if (outcome.Unsendable)
        {
            _unsendable++;
            return;
        }
        _tried++;
        _byCode[outcome.Code] = _byCode.GetValueOrDefault(outcome.Code) + 1;
        if (outcome.Elapsed > _maxLatency) _maxLatency = outcome.Elapsed;
    }

    public void RecordHealth(TimeSpan elapsed)
    {
        _healthChecks++;
        if (elapsed > _maxHealth) _maxHealth = elapsed;
    }

    public override string ToString() =>
        $"requests tried: {_tried} (and {_unsendable} the HTTP client refused to send)\n" +
        $"responses by code: {string.Join(", ", _byCode.Select(kv => $"{kv.Key}×{kv.Value}"))}\n" +
        $"max latency: {_maxLatency.TotalMilliseconds:0} ms; /readyz checks: {_healthChecks}, slowest {_maxHealth.TotalMilliseconds:0} ms\n" +
        $"memory before/after (GC heap after a full collection): {MemoryBefore / 1048576.0:0.0} MiB / {MemoryAfter / 1048576.0:0.0} MiB; " +
        $"watches still counted open when each cluster was dropped: {OpenWatchesAtEnd}; dropped clusters still reachable: {ClustersStillReachable}";
}
