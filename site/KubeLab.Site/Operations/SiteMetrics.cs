using System.Diagnostics;
using System.Diagnostics.Metrics;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;

namespace KubeLab.Site.Operations;

/// <summary>
/// The site's instruments (meter <see cref="MeterName"/>), named as Prometheus shows them (<see cref="MetricsExposition"/>):
/// the sessions and circuits it holds, the requests its simulated API servers answered (every learner's and lesson's
/// cluster, heard from each cluster's exchange log) and how long they took, the site's own HTTP requests, and the
/// process's memory and CPU.
/// </summary>
public sealed class SiteMetrics : IDisposable
{
    public const string MeterName = "KubeLab.Site";

    /// <summary>Upper bounds of the API latency buckets, in seconds: a GET answers in well under a millisecond, a lesson's LIST of a thousand in tens.</summary>
    public static readonly double[] LatencyBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _apiRequests;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _httpRequests;
    private long _refused;

    public SiteMetrics(SessionGate gate, CircuitCount circuits, LearnerClusters learners, LessonSessions lessons)
    {
        _apiRequests = _meter.CreateCounter<long>("kubelab_api_requests", description: "Requests the simulated API servers answered, by status class.");
        _apiDuration = _meter.CreateHistogram<double>("kubelab_api_request_duration_seconds", "s",
            "Time the simulated API servers took until the response started (a watch: until its headers).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _httpRequests = _meter.CreateCounter<long>("kubelab_http_requests", description: "Requests the site answered (pages, assets, circuits; not probes or scrapes), by status class.");
        // Observable, so that it shows (at zero) before the first refusal.
        _meter.CreateObservableCounter("kubelab_sessions_refused", () => Interlocked.Read(ref _refused), description: "Pages refused because the replica was full or shutting down.");
        _meter.CreateObservableGauge("kubelab_learner_sessions", () => gate.CountOf(SessionKind.LearnerCluster), description: "Learners' clusters held (sandbox and connect).");
        _meter.CreateObservableGauge("kubelab_lesson_sessions", () => gate.CountOf(SessionKind.Lesson), description: "Lesson pages' sessions held.");
        _meter.CreateObservableGauge("kubelab_sessions", () => gate.Count, description: "Sessions held, counted against kubelab_sessions_limit.");
        _meter.CreateObservableGauge("kubelab_sessions_limit", () => gate.MaxSessions, description: "Sessions a replica holds before it turns new learners away (Learners:MaxSessions).");
        _meter.CreateObservableGauge("kubelab_clusters", () => learners.Count + gate.CountOf(SessionKind.Lesson), description: "Simulated clusters held: one per learner and one per lesson session.");
        _meter.CreateObservableGauge("kubelab_circuits", () => circuits.Open, description: "Blazor circuits open.");
        _meter.CreateObservableGauge("kubelab_circuits_connected", () => circuits.Connected, description: "Blazor circuits with their browser connected.");
        _meter.CreateObservableGauge("kubelab_draining", () => gate.Draining ? 1 : 0, description: "1 while the site shuts down.");
        _meter.CreateObservableGauge("process_resident_memory_bytes", () => Environment.WorkingSet, "By", "Resident memory size in bytes.");
        _meter.CreateObservableGauge("dotnet_gc_heap_bytes", () => GC.GetTotalMemory(forceFullCollection: false), "By", "Bytes the managed heap is thought to hold (GC.GetTotalMemory).");
        _meter.CreateObservableCounter("process_cpu_seconds", CpuSeconds, "s", "Total user and system CPU time spent in seconds.");
        learners.Started += Observe;
        lessons.Started += Observe;
    }

    /// <summary>The meter of this site (not another's in the same process, as in tests): what the exposition listens to.</summary>
    public Meter Meter => _meter;

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Counts what <paramref name="cluster"/>'s API server answers from now on.</summary>
    public void Observe(ControlPlane.Cluster cluster) => cluster.Api.Exchanges.Completed += Completed;

    private void Completed(Exchange exchange)
    {
        _apiRequests.Add(1, new KeyValuePair<string, object?>("code", CodeClass(exchange.StatusCode)));
        if (exchange.Timing.UntilResponse is { } took) _apiDuration.Record(took.TotalSeconds);
    }

    public void HttpRequest(int status) => _httpRequests.Add(1, new KeyValuePair<string, object?>("code", CodeClass(status)));

    public void Refused() => Interlocked.Increment(ref _refused);

    /// <summary><c>2xx</c>, <c>4xx</c>…; a request that ended before any status was set (0) is <c>unknown</c>.</summary>
    public static string CodeClass(int status) => status is >= 100 and < 600 ? $"{status / 100}xx" : "unknown";

    public void Dispose() => _meter.Dispose();
}
