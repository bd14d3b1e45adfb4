using System.Net;
using KubeLab.Site.Connect;
using KubeLab.Site.Learners;
using KubeLab.Site.Tests.Browser;

namespace KubeLab.Site.Tests.Hardening;

/// <summary>
/// A learner's browser without the browser: an HTTP client with a cookie jar of its own, that gets the learner cookie
/// from a page and the kubeconfig from the download, as a browser would.
/// </summary>
internal sealed class SiteVisitor : IDisposable
{
    private readonly Uri _site;

    public SiteVisitor(string site)
    {
        _site = new Uri(site);
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = _site };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The learner id the site gave this browser (null before its first page).</summary>
    public string? LearnerId => Cookies.GetCookies(_site)[LearnerCookie.Name]?.Value;

    /// <summary>Opens the home page (which gives a new browser its learner cookie) and downloads the learner's kubeconfig.</summary>
    public async Task<LearnerKubeconfig> ArriveAsync()
    {
        using (var page = await Client.GetAsync("/")) page.EnsureSuccessStatusCode();
        return await KubeconfigAsync() ?? throw new InvalidOperationException("the site gave no kubeconfig");
    }

    /// <summary>The kubeconfig download; null when the site answers 404.</summary>
    public async Task<LearnerKubeconfig?> KubeconfigAsync()
    {
        using var response = await Client.GetAsync(ConnectServices.KubeconfigPath);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return new LearnerKubeconfig(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Client.Dispose();
}
