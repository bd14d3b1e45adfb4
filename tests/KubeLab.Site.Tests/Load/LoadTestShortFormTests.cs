using KubeLab.LoadTest;
using KubeLab.Testing;

namespace KubeLab.Site.Tests.Load;

/// <summary>
/// The load test's short form (tests/KubeLab.LoadTest --short): five learners of every kind, two steps each, against
/// the bundled lessons. It proves the machinery — every step succeeded, sessions were held and then discarded, the
/// figures and the report exist — and asserts no timing: the measured run is the documented full form.
/// </summary>
[TestFixture]
public sealed class LoadTestShortFormTests
{
    private static LoadReport _report = null!;
    private static string _text = "";

    [OneTimeSetUp]
    public async Task RunAsync()
    {
        _report = await new LoadRun(LoadOptions.Short, TestContext.Progress).RunAsync(Path.Combine(RepositoryRoot.Path, "scenarios"));
        using var text = new StringWriter();
        _report.Write(text);
        _text = text.ToString();
        await TestContext.Progress.WriteLineAsync(_text);
    }

    [Test]
    public void EveryPageVisitSessionAndStepSucceeded()
    {
        Assert.That(_report.Ramps.SelectMany(r => r.Errors).Concat(_report.Baseline.Errors), Is.Empty);
        // Lesson learners, then sandbox and connect ones in their shares (L S L C, then L): two steps each.
        Assert.That(_report.Baseline.Steps.Count, Is.EqualTo(4 * 2));
        Assert.That(_report.Ramps.Single().Steps.Count, Is.EqualTo(5 * 2));
    }

    [Test]
    public void EveryKindOfLearnerStepped()
    {
        string[] kinds = ["lesson step", "sandbox command", "connect request"];
        var ramp = _report.Ramps.Single();
        Assert.That(ramp.StepsByKind.Keys, Is.EquivalentTo(kinds));
        Assert.That(ramp.OpensByKind.Keys, Is.EquivalentTo(kinds));
        Assert.That(ramp.StepsByKind.Values.Sum(l => l.Count), Is.EqualTo(ramp.Steps.Count));
        Assert.That(ramp.StepsByKind["lesson step"].Count, Is.EqualTo(3 * 2));
    }

    [Test]
    public void SessionsWereHeldTogetherThenDiscarded()
    {
        var ramp = _report.Ramps.Single();
        Assert.That(ramp.Learners, Is.EqualTo(5));
        Assert.That(ramp.SessionsHeld, Is.EqualTo(5), "three lesson sessions and two learner clusters open at once");
        Assert.That(ramp.ClustersHeld, Is.EqualTo(2), "the sandbox learner's and the connect learner's clusters");
        Assert.That(ramp.ClustersLeft, Is.Zero, "the site's idle sweep discards every cluster once its learner has left");
    }

    [Test]
    public void TheFiguresWereMeasured()
    {
        foreach (var latency in _report.Ramps.Select(r => r.Steps).Append(_report.Baseline.Steps))
        {
            Assert.That(latency.P50, Is.GreaterThan(0));
            Assert.That(latency.P95, Is.GreaterThanOrEqualTo(latency.P50));
            Assert.That(latency.P99, Is.GreaterThanOrEqualTo(latency.P95));
            Assert.That(latency.Max, Is.GreaterThanOrEqualTo(latency.P99));
        }
        var ramp = _report.Ramps.Single();
        Assert.That(ramp.StepsPerSecond, Is.GreaterThan(0));
        Assert.That(ramp.HeapHeld, Is.GreaterThan(0));
        Assert.That(double.IsFinite(ramp.HeapPerSession) && double.IsFinite(ramp.WorkingSetPerSession));
        Assert.That(_report.BreakPoint, Is.Null.Or.EqualTo(5), "the only ramp, if its p95 passed the threshold");
    }

    [Test]
    public void TheReportHasEveryField()
    {
        Assert.That(_text, Does.Contain("| Learners | Sessions held | Steps | Errors | Steps/s | p50 | p95 | p99 | p95 / single | Heap per session | Working set per session | Load average |"));
        Assert.That(_text, Does.Contain("| 5 | 5 | 10 | 0 |"));
        Assert.That(_text, Does.Contain("Single learner (baseline, 4 learners one after another)"));
        Assert.That(_text, Does.Match(@"Break point: (p95 passes 100 ms at 5 concurrent learners|not reached; p95 was under 100 ms at the highest ramp, 5 learners)"));
        Assert.That(_text, Does.Contain("| 1 (baseline) |"));
    }
}
