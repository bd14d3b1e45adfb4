using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using KubeLab.Site.Tests.Browser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeLab.LoadTest;

/// <summary>
/// The site in this process on Kestrel (the browser tests' <see cref="SiteHost"/>, Production environment), its services
/// as its pages inject them, and the HTTP a browser sends before any circuit: the page request, where the learner gets
/// their cookie. Learners' clusters are discarded a second after their last use, so that each ramp starts from none.
/// </summary>
internal sealed class SiteUnderLoad : IAsyncDisposable
{
    private readonly SiteHost _host;
    private readonly HttpClient _http;
    private readonly Lock _connectSync = new();
    private HttpClient? _connect;

    public SiteUnderLoad(string lessons)
    {
        _host = new SiteHost(lessons, host => host
            .UseEnvironment("Production")
            .UseSetting($"{LearnerOptions.Section}:{nameof(LearnerOptions.IdleTimeout)}", IdleTimeout.ToString())
            // The run finds where one replica breaks; the session cap would refuse learners before that.
            .UseSetting($"{LearnerOptions.Section}:{nameof(LearnerOptions.MaxSessions)}", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // Warnings only (appsettings.json says Information): no log line per discarded cluster in the timings.
            .UseSetting("Logging:LogLevel:Default", nameof(LogLevel.Warning))
            .UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", nameof(LogLevel.Warning)));
        BaseUrl = _host.Start();
        // Cookies by hand: one connection pool for every learner, each learner's cookie on its own requests.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
    }

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1);

    public string BaseUrl { get; }

    public LessonSessions Lessons => _host.Services.GetRequiredService<LessonSessions>();

    public LessonLibrary Library => _host.Services.GetRequiredService<LessonLibrary>();

    public LearnerClusters Clusters => _host.Services.GetRequiredService<LearnerClusters>();

    /// <summary>Gets a page as a browser's first visit does (prerendered, no cookie yet) and returns the learner id the site gave.</summary>
    public async Task<string> VisitAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(LearnerCookie.Name + "=", StringComparison.Ordinal)) : null;
        var id = cookie?[(LearnerCookie.Name.Length + 1)..].Split(';')[0];
        return LearnerCookie.IsWellFormed(id) ? id! : throw new InvalidOperationException($"GET {path} gave no learner cookie");
    }

    /// <summary>A GET with the learner's cookie, as the browser sends it; the body as text.</summary>
    public async Task<string> GetTextAsync(string path, string learner, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{LearnerCookie.Name}={learner}");
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// One client for every connect request, trusting only the CA the kubeconfig pins (the endpoint's certificate is
    /// the site's own, the same for every learner), as kubectl does with <c>certificate-authority-data</c>.
    /// </summary>
    public HttpClient ConnectClient(string caPem)
    {
        lock (_connectSync)
        {
            if (_connect is not null) return _connect;
            var ca = X509Certificate2.CreateFromPem(caPem);
            _connect = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && Trusts(ca, new X509Certificate2(certificate)),
                },
            });
            return _connect;
        }
    }

    private static bool Trusts(X509Certificate2 ca, X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public async ValueTask DisposeAsync()
    {
        _connect?.Dispose();
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
