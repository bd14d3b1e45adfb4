using System.Diagnostics;
using KubeLab.Site.Lessons;
using KubeLab.Site.Operations;
using KubeLab.Site.Tests.Hardening;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// A page that leaves gives back its session: once its circuit is gone, the lesson's cluster can be collected. Where
/// something (a timer, an event handler, the circuit) still held it, the WeakReference here would stay alive.
/// </summary>
[NonParallelizable]
public class ReleaseTests : BrowserTest
{
    [Test]
    public async Task ALessonPagesClusterIsCollectableOnceThePageHasLeft()
    {
        var lessons = SiteFixture.Services.GetRequiredService<LessonSessions>();
        var circuits = SiteFixture.Services.GetRequiredService<CircuitCount>();
        var clusters = new List<WeakReference>();
        void Made(ControlPlane.Cluster cluster)
        {
            lock (clusters) clusters.Add(new WeakReference(cluster));
        }
        lessons.Started += Made;
        try
        {
            var open = circuits.Open;
            await OpenAsync("/lessons/pods-on-the-wire/steps/2");
            await Expect(Page.Locator("#step-title")).ToContainTextAsync("Step 2 of 6");
            // The learner leaves as a closed tab does: the page unloads, which sends Blazor's disconnect beacon.
            await Page.GotoAsync("about:blank");
            var left = Stopwatch.StartNew();
            while (circuits.Open > open && left.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
            Assert.That(circuits.Open, Is.EqualTo(open), "the page's circuit closed");
            var circuitGone = left.Elapsed;
            while (clusters.Any(c => c.IsAlive) && left.Elapsed < TimeSpan.FromSeconds(20)) await ProcessResources.ReadAsync();
            TestContext.Progress.WriteLine($"release: circuit closed {circuitGone.TotalMilliseconds:F0} ms after the page left, its {clusters.Count} cluster(s) collectable after {left.Elapsed.TotalMilliseconds:F0} ms");
            Assert.That(clusters, Is.Not.Empty);
            Assert.That(clusters.Count(c => c.IsAlive), Is.Zero, "clusters of the page still reachable");
        }
        finally
        {
            lessons.Started -= Made;
        }
    }
}
