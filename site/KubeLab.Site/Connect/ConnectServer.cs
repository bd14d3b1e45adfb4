using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane.Authentication;
using KubeLab.Site.Learners;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Connect;

/// <summary>
/// The endpoint learners' own kubectl connects to: a Kestrel server of its own, HTTPS only, beside the site's, that
/// serves nothing but <see cref="ConnectGateway"/> (the site's pages are not there, and the gateway is not on the
/// site's port). Its certificate is issued at startup by a CA of the site's own, made with the wall clock
/// (kubectl checks the certificate against the real time, not a cluster's simulated one); kubeconfigs pin that CA.
/// </summary>
public sealed class ConnectServer(LearnerClusters learners, IOptions<ConnectOptions> options, ILoggerFactory logging) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private readonly CancellationTokenSource _stopping = new();
    private string? _caPem;
    private int _stopped;

    /// <summary>The URL kubeconfigs name (then <c>/clusters/{id}</c>): the public server if configured, else the bound address; null when not serving.</summary>
    public string? Server { get; private set; }

    public bool IsServing => Server is not null;

    /// <summary>A learner's kubeconfig.</summary>
    public string Kubeconfig(ConnectCredentials credentials) => ConnectKubeconfig.Render(
        $"{Server ?? throw new InvalidOperationException("the connect endpoint is not serving")}{ConnectGateway.Prefix}/{credentials.ConnectId}",
        _caPem, credentials.Token);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Url)) return;
        var endpoint = Endpoint(settings.Url);
        var publicServer = PublicServer(settings.PublicServer);

        var authority = new ClusterCertificateAuthority(TimeProvider.System);
        var certificate = authority.IssueServingCertificate();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(logging);
        builder.Services.AddLogging();
        // The site's host handles Ctrl+C and SIGTERM and stops this one with it.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        app.Run(new ConnectGateway(learners, _stopping.Token).HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;
        _caPem = publicServer is null ? authority.CertificatePem : null;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Server = publicServer ?? bound;
        logging.CreateLogger<ConnectServer>().LogInformation("Learners' kubectl connects to {Server} (listening on {Bound})", Server, bound);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may be stopped twice (a drain stops it, then its owner disposes it, stopping it again): once is all.
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        // Open watches end now rather than hold the site's shutdown until its timeout.
        await _stopping.CancelAsync();
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _stopped, 1);
        if (_app is not null) await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static IPEndPoint Endpoint(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath != "/")
            throw new InvalidOperationException($"Connect:Url must be https://ADDRESS:PORT (kubectl sends credentials over TLS only), not \"{url}\"");
        var address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
            : throw new InvalidOperationException($"Connect:Url must name an IP address or localhost, not \"{uri.Host}\"");
        return new IPEndPoint(address, uri.Port);
    }

    private static string? PublicServer(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || uri.AbsoluteUri.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '#'))
            throw new InvalidOperationException($"Connect:PublicServer must be an https URL without query or fragment, not \"{url}\"");
        return uri.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The lifetime of a host run inside another: no signal handling and no start-up banner of its own.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
