using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using KubeLab.Site.Operations;
using KubeLab.Site.Sandbox;
using KubeLab.Site.Tests.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Tests.Operations;

/// <summary>The site's instruments as a Prometheus or OpenMetrics scrape, read back by a parser that checks the format.</summary>
public class MetricsExpositionTests
{
    private SessionGate _gate = null!;
    private LearnerClusters _learners = null!;
    private SiteMetrics _metrics = null!;
    private MetricsExposition _exposition = null!;

    [SetUp]
    public void Create()
    {
        var options = Options.Create(new LearnerOptions { MaxSessions = 7 });
        _gate = new SessionGate(options);
        _learners = new LearnerClusters(new SandboxSessions(TimeProvider.System, SandboxServices.LearnerLimits), _gate, TimeProvider.System, options,
            NullLogger<LearnerClusters>.Instance);
        _metrics = new SiteMetrics(_gate, new CircuitCount(), _learners, new LessonSessions(new LessonLibrary(null), _gate));
        _exposition = new MetricsExposition(_metrics);
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        _exposition.Dispose();
        _metrics.Dispose();
        await _learners.DisposeAsync();
    }

    [Test]
    public async Task AnObservedClustersRequestsAreCountedByStatusClassAndTimed()
    {
        using var cluster = new TestCluster();
        _metrics.Observe(cluster.Cluster);
        using (await cluster.Admin.GetAsync("/api/v1/namespaces/default")) { }
        using (await cluster.Admin.GetAsync("/api/v1/namespaces/missing")) { }
        using (await cluster.Admin.GetAsync("/api/v1/namespaces/missing-too")) { }

        var scrape = Scrape.Parse(_exposition.Scrape(openMetrics: false), openMetrics: false);
        Assert.That(scrape.Value("kubelab_api_requests_total", "kubelab_api_requests_total", "code=\"2xx\""), Is.EqualTo(1));
        Assert.That(scrape.Value("kubelab_api_requests_total", "kubelab_api_requests_total", "code=\"4xx\""), Is.EqualTo(2));
        var latency = scrape.Families["kubelab_api_request_duration_seconds"];
        Assert.That(latency.Type, Is.EqualTo("histogram"));
        Assert.That(scrape.Value(latency.Name, latency.Name + "_count"), Is.EqualTo(3));
        Assert.That(scrape.Value(latency.Name, latency.Name + "_sum"), Is.GreaterThan(0));
        Assert.That(latency.Samples.Count(s => s.Name.EndsWith("_bucket")), Is.EqualTo(SiteMetrics.LatencyBuckets.Length + 1));
        Assert.That(latency.Samples.First(s => s.Name.EndsWith("_bucket")).Labels, Is.EqualTo("le=\"0.0001\""));
        Assert.That(latency.Samples.Where(s => s.Name.EndsWith("_bucket")).Select(s => s.Labels), Does.Contain("le=\"1.0\"").And.Contain("le=\"+Inf\""));
    }

    [Test]
    public void GaugesReadTheSessionsAtEachScrape()
    {
        var scrape = Scrape.Parse(_exposition.Scrape(openMetrics: false), openMetrics: false);
        Assert.That(scrape.Value("kubelab_lesson_sessions", "kubelab_lesson_sessions"), Is.Zero);
        Assert.That(scrape.Value("kubelab_sessions_limit", "kubelab_sessions_limit"), Is.EqualTo(7));
        Assert.That(scrape.Value("kubelab_sessions_refused_total", "kubelab_sessions_refused_total"), Is.Zero);
        Assert.That(scrape.Value("process_resident_memory_bytes", "process_resident_memory_bytes"), Is.GreaterThan(10_000_000));
        Assert.That(scrape.Value("dotnet_gc_heap_bytes", "dotnet_gc_heap_bytes"), Is.GreaterThan(0));
        Assert.That(scrape.Families["process_cpu_seconds_total"].Type, Is.EqualTo("counter"));

        using var one = _gate.Open(null, SessionKind.Lesson);
        using var two = _gate.Open(null, SessionKind.Lesson);
        _metrics.Refused();
        _metrics.HttpRequest(503);
        scrape = Scrape.Parse(_exposition.Scrape(openMetrics: false), openMetrics: false);
        Assert.That(scrape.Value("kubelab_lesson_sessions", "kubelab_lesson_sessions"), Is.EqualTo(2));
        Assert.That(scrape.Value("kubelab_sessions", "kubelab_sessions"), Is.EqualTo(2));
        Assert.That(scrape.Value("kubelab_sessions_refused_total", "kubelab_sessions_refused_total"), Is.EqualTo(1));
        Assert.That(scrape.Value("kubelab_http_requests_total", "kubelab_http_requests_total", "code=\"5xx\""), Is.EqualTo(1));
    }

    [Test]
    public void OpenMetricsNamesCounterFamiliesWithoutTotalAndEndsWithEof()
    {
        _metrics.HttpRequest(200);
        var text = _exposition.Scrape(openMetrics: true);
        var scrape = Scrape.Parse(text, openMetrics: true);
        Assert.That(scrape.Families["kubelab_http_requests"].Type, Is.EqualTo("counter"));
        Assert.That(scrape.Value("kubelab_http_requests", "kubelab_http_requests_total", "code=\"2xx\""), Is.EqualTo(1));
        Assert.That(text, Does.Contain("# TYPE kubelab_http_requests counter\n").And.Not.Contain("# TYPE kubelab_http_requests_total"));
    }

    [TestCase(null, false)]
    [TestCase("text/plain", false)]
    [TestCase("*/*", false)]
    [TestCase("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", true)]
    [TestCase("text/plain;version=0.0.4, application/openmetrics-text; q=0", false)]
    public void OpenMetricsOnlyWhenAskedFor(string? accept, bool expected) =>
        Assert.That(MetricsExposition.WantsOpenMetrics(accept), Is.EqualTo(expected));

    [TestCase(1.0, "1.0")]
    [TestCase(0.0025, "0.0025")]
    [TestCase(1234567.0, "1234567.0")]
    [TestCase(1e-7, "1E-07")]
    [TestCase(double.PositiveInfinity, "+Inf")]
    public void NumbersAreWrittenAsBothFormatsReadThem(double value, string text) =>
        Assert.That(MetricsExposition.Number(value), Is.EqualTo(text));
}
