using System.Net.Http.Headers;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl.Config;
using KubeLab.Scenarios.Kubectl.Logging;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>
/// kubectl's HTTP client for one invocation: the headers every request carries (User-Agent, Kubectl-Command,
/// Kubectl-Session, credentials over TLS, impersonation), the <c>-v</c> logging of client-go's debugging round
/// tripper, and the warnings the server sends back. Requests go in-process to the environment's cluster.
/// </summary>
internal sealed class KubeClient : IDisposable
{
    public const string UserAgent = "kubectl/v1.33.9 (linux/amd64) kubernetes/69220b6";

    private readonly ClientEnvironment environment;
    private readonly HttpMessageInvoker invoker;
    private readonly RequestLog log;
    private readonly CommandOutput output;
    private readonly HashSet<string> warned = [];

    public KubeClient(ClientEnvironment environment, RestConfig config, Klog klog, CommandOutput output, string command, string session)
    {
        this.environment = environment;
        this.output = output;
        Config = config;
        Command = command;
        Session = session;
        log = new RequestLog(klog, environment.Cluster.Services.Clock);
        invoker = new HttpMessageInvoker(new InProcessHandler(environment.Cluster.Api, config.HostPort, config.Certificate));
    }

    public RestConfig Config { get; }

    /// <summary>The Kubectl-Command header: <c>kubectl get</c>, <c>kubectl create namespace</c>.</summary>
    public string Command { get; }

    public string Session { get; }

    public Klog Klog => log.Klog;

    /// <summary>client-go's default: a request refused with Retry-After is sent again up to ten times.</summary>
    public const int MaxRetries = 10;

    public async Task<KubeResponse> SendAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await RoundTripAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (await RetriedAsync(request, response, attempt, cancellationToken)) continue;
            log.ResponseBody(request, body);
            return new KubeResponse((int)response.StatusCode, ContentType(response), body) { Request = request };
        }
    }

    /// <summary>Sends and returns as soon as the headers are in; the body is read as it comes.</summary>
    public async Task<KubeStream> OpenAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await RoundTripAsync(request, cancellationToken);
            if (await RetriedAsync(request, response, attempt, cancellationToken))
            {
                response.Dispose();
                continue;
            }
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new KubeStream((int)response.StatusCode, ContentType(response), body, response);
        }
    }

    /// <summary>
    /// client-go's withRetry: a 429 (or 5xx) with a whole-seconds Retry-After is sent again after that wait, up to
    /// <see cref="MaxRetries"/> times, unless its body was a stream it cannot rewind (a chunked upload). The wait
    /// passes on the cluster's clock, as other waits of the emulated kubectl do.
    /// </summary>
    private async Task<bool> RetriedAsync(KubeRequest request, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status != 429 && status < 500) return false;
        if (attempt > MaxRetries || request.Chunked) return false;
        if (!response.Headers.NonValidated.TryGetValues("Retry-After", out var values)
            || !int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return false;
        var wait = TimeSpan.FromSeconds(seconds);
        if (wait > TimeSpan.Zero) await environment.PassTime(wait, cancellationToken);
        if (log.Klog.V(4))
            log.Klog.Info("with_retry.go:234", "Got a Retry-After response", ("delay", Model.GoDuration.Format(wait)), ("attempt", attempt),
                ("url", new Uri(Config.Server, request.PathAndQuery).ToString()));
        return true;
    }

    /// <summary>Sends a request built elsewhere (kubectl proxy's), to the same server and with the same client certificate.</summary>
    public Task<HttpResponseMessage> ForwardAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        invoker.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> RoundTripAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        CheckReachable(request);
        using var message = Build(request);
        log.Request(request, message, Config);
        var started = environment.Cluster.Services.Clock.GetUtcNow();
        var response = await invoker.SendAsync(message, cancellationToken);
        log.Response(request, message, response, Config, started);
        Warn(response);
        return response;
    }

    private HttpRequestMessage Build(KubeRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(Config.Server, request.PathAndQuery));
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (request.Accept is { } accept) headers.TryAddWithoutValidation("Accept", accept);
        if (Config.Token is { } token) headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        else if (Config.Basic is { } basic)
            headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{basic.User}:{basic.Password}")));
        foreach (var group in Config.ImpersonateGroups) headers.TryAddWithoutValidation("Impersonate-Group", group);
        if (Config.ImpersonateUid is { } uid) headers.TryAddWithoutValidation("Impersonate-Uid", uid);
        if (Config.ImpersonateUser is { } user) headers.TryAddWithoutValidation("Impersonate-User", user);
        headers.TryAddWithoutValidation("Kubectl-Command", Command);
        headers.TryAddWithoutValidation("Kubectl-Session", Session);
        headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        if (request.Body is { } body)
        {
            var content = new ByteArrayContent(body);
            if (request.ContentType is { } type) content.Headers.TryAddWithoutValidation("Content-Type", type);
            if (request.Chunked) headers.TransferEncodingChunked = true;
            else content.Headers.ContentLength = body.Length;
            message.Content = content;
        }
        return message;
    }

    /// <summary>Only the environment's API server listens; any other address refuses the connection.</summary>
    private void CheckReachable(KubeRequest request)
    {
        var target = new Uri(environment.Server);
        if (Config.Server.Host == target.Host && Config.Server.Port == target.Port && Config.Server.Scheme == target.Scheme) return;
        var dialed = Config.Server.Host == "localhost" ? $"127.0.0.1:{Config.Server.Port}" : $"{Config.Server.Host}:{Config.Server.Port}";
        throw new TransportException(request.Method.Method, $"{Config.Server.Scheme}://{Config.HostPort}{request.PathAndQuery}",
            $"dial tcp {dialed}: connect: connection refused", refused: true, Config.HostPort);
    }

    // Each warning text is printed once per invocation, on stderr, as the response comes in.
    private void Warn(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Warning", out var values)) return;
        foreach (var value in values)
        foreach (var (code, text) in WarningHeaders.Parse(value))
            if (code == 299 && text.Length > 0 && warned.Add(text)) output.Error(OperationMessages.Warning(text));
    }

    private static string ContentType(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? string.Join(", ", values) : "";

    public void Dispose() => invoker.Dispose();
}

/// <summary>A request that never reached a server (connection refused), in Go's <c>url.Error</c> words.</summary>
internal sealed class TransportException(string method, string url, string cause, bool refused, string hostPort) : Exception(cause)
{
    public bool Refused { get; } = refused;
    public string HostPort { get; } = hostPort;

    /// <summary><c>Get "https://…/api?timeout=32s": dial tcp …: connect: connection refused</c>.</summary>
    public string UrlError => $"{char.ToUpperInvariant(method[0])}{method[1..].ToLowerInvariant()} \"{url}\": {Message}";
}
