using System.Net;
using KubeLab.Site.Connect;
using KubeLab.Site.Operations;
using KubeLab.Site.Tests.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// The site as a replica behind a load balancer sees it: probes, the session cap, the drain on SIGTERM, and a scrape
/// of /metrics while a learner works. The cap and the drain get sites of their own (they change the whole site).
/// </summary>
public class OperationsTests : BrowserTest
{
    private static readonly HttpClient Http = new();

    [Test]
    public async Task MetricsCountALearnersCommandsInBothFormats()
    {
        var before = await ScrapeAsync(SiteFixture.BaseUrl, openMetrics: false);
        await OpenAsync("/sandbox");
        await RunAsync(Page, "kubectl create namespace scraped", "namespace/scraped created");
        await RunAsync(Page, "kubectl get namespace nothing-here", "not found");

        var after = await ScrapeAsync(SiteFixture.BaseUrl, openMetrics: false);
        const string requests = "kubelab_api_requests_total";
        Assert.That(after.Value(requests, requests, "code=\"2xx\""), Is.GreaterThan(before.ValueOrZero(requests, requests, "code=\"2xx\"")));
        Assert.That(after.Value(requests, requests, "code=\"4xx\""), Is.GreaterThan(before.ValueOrZero(requests, requests, "code=\"4xx\"")));
        const string latency = "kubelab_api_request_duration_seconds";
        Assert.That(after.Value(latency, latency + "_count"), Is.GreaterThan(before.Value(latency, latency + "_count")));
        Assert.That(after.Value(latency, latency + "_sum"), Is.GreaterThan(before.Value(latency, latency + "_sum")));
        Assert.That(after.Value("kubelab_learner_sessions", "kubelab_learner_sessions"), Is.GreaterThanOrEqualTo(1));
        Assert.That(after.Value("kubelab_circuits_connected", "kubelab_circuits_connected"), Is.GreaterThanOrEqualTo(1));
        Assert.That(after.Value("kubelab_http_requests_total", "kubelab_http_requests_total", "code=\"2xx\""),
            Is.GreaterThan(before.ValueOrZero("kubelab_http_requests_total", "kubelab_http_requests_total", "code=\"2xx\"")));

        var open = await ScrapeAsync(SiteFixture.BaseUrl, openMetrics: true);
        Assert.That(open.Value("kubelab_api_requests", requests, "code=\"2xx\""), Is.GreaterThanOrEqualTo(after.Value(requests, requests, "code=\"2xx\"")));
    }

    [Test]
    public async Task AFullSiteTurnsNewLearnersAwayAndKeepsItsOwn()
    {
        await using var site = new SiteHost(SiteFixture.LessonsFolder, web => web.UseSetting("Learners:MaxSessions", "1"));
        var url = site.Start();
        Assert.That(await GetAsync(url + HealthEndpoints.LivePath), Is.EqualTo((HttpStatusCode.OK, "ok\n")));
        Assert.That(await GetAsync(url + HealthEndpoints.ReadyPath), Is.EqualTo((HttpStatusCode.OK, "ok\n")));

        var ann = await NewPageAsync(url + "/sandbox");
        await RunAsync(ann, "kubectl create namespace mine", "namespace/mine created");
        Assert.That(await GetAsync(url + HealthEndpoints.ReadyPath), Is.EqualTo((HttpStatusCode.ServiceUnavailable, "sessions: full: 1 sessions of 1\n")));
        Assert.That(await GetAsync(url + HealthEndpoints.LivePath), Is.EqualTo((HttpStatusCode.OK, "ok\n")), "full is not dead");

        ExpectConsoleError("the server responded with a status of 503");
        var bob = await Page.GotoAsync(url + "/lessons/pods-on-the-wire");
        Assert.That(bob!.Status, Is.EqualTo(503));
        Assert.That(await bob.HeaderValueAsync("retry-after"), Is.EqualTo("120"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SessionGate.FullMessage);
        await ScreenshotAsync("full");
        await AssertAccessibleAsync();

        // Ann works on, and a reload of hers is served: she holds a session here.
        await RunAsync(ann, "kubectl get namespace mine", "mine");
        var reload = await ann.GotoAsync(url + "/");
        Assert.That(reload!.Status, Is.EqualTo(200));
        var scrape = await ScrapeAsync(url, openMetrics: false);
        Assert.That(scrape.Value("kubelab_sessions_refused_total", "kubelab_sessions_refused_total"), Is.EqualTo(1));
        Assert.That(scrape.Value("kubelab_sessions", "kubelab_sessions"), Is.EqualTo(1));
        await ann.Context.CloseAsync();
    }

    [Test]
    public async Task OnSigtermTheSiteStopsAdmittingAndLetsOpenPagesFinish()
    {
        await using var site = new SiteHost(SiteFixture.LessonsFolder);
        var url = site.Start();
        var ann = await NewPageAsync(url + "/sandbox");
        await RunAsync(ann, "kubectl create namespace before", "namespace/before created");

        // What the SIGTERM handler calls (a signal would reach every host in this process).
        var drained = site.Services.GetRequiredService<GracefulShutdown>().DrainAsync();
        var lifetime = site.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.That(await GetAsync(url + HealthEndpoints.ReadyPath), Is.EqualTo((HttpStatusCode.ServiceUnavailable, "sessions: shutting down\n")));
        Assert.That(await GetAsync(url + HealthEndpoints.LivePath), Is.EqualTo((HttpStatusCode.OK, "ok\n")));
        ExpectConsoleError("the server responded with a status of 503");
        var bob = await Page.GotoAsync(url + "/");
        Assert.That(bob!.Status, Is.EqualTo(503));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SessionGate.DrainingMessage);

        await RunAsync(ann, "kubectl create namespace during", "namespace/during created");
        Assert.That(lifetime.ApplicationStopping.IsCancellationRequested, Is.False, "a page is still connected");

        // The last page goes: the site stops without waiting for the timeout.
        await ann.Context.CloseAsync();
        await drained.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(lifetime.ApplicationStopping.IsCancellationRequested, Is.True);
    }

    [Test]
    public async Task AConnectEndpointStoppedByADrainStopsAgainQuietlyWhenItsHostIsDisposed()
    {
        await using var site = new SiteHost(SiteFixture.LessonsFolder);
        site.Start();
        var connect = site.Services.GetRequiredService<ConnectServer>();
        // A drain stops the host and disposes its services; the host's owner then stops it once more when disposing it.
        await connect.StopAsync(CancellationToken.None);
        await connect.DisposeAsync();
        Assert.DoesNotThrowAsync(() => connect.StopAsync(CancellationToken.None));
    }

    private static async Task<IPage> NewPageAsync(string url)
    {
        var context = await SiteFixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await Expect(page.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
        return page;
    }

    /// <summary>Types a sandbox command and waits for its output.</summary>
    private static async Task RunAsync(IPage page, string line, string output)
    {
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = "Command" });
        var entries = page.Locator("ol.scrollback > li.sandbox-entry");
        var before = await entries.CountAsync();
        await input.FillAsync(line);
        await input.PressAsync("Enter");
        await Expect(entries).ToHaveCountAsync(before + 1);
        await Expect(entries.Last.Locator(".terminal-output")).ToContainTextAsync(output);
    }

    private static async Task<(HttpStatusCode, string)> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"), url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Scrape> ScrapeAsync(string url, bool openMetrics)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url + OperationsServices.MetricsPath);
        // What Prometheus sends when it prefers OpenMetrics.
        if (openMetrics) request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        using var response = await Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(),
            Is.EqualTo(openMetrics ? MetricsExposition.OpenMetricsContentType : MetricsExposition.TextContentType));
        return Scrape.Parse(await response.Content.ReadAsStringAsync(), openMetrics);
    }
}
