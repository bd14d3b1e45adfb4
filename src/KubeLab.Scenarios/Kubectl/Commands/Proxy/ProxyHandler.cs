using System.Net;
using System.Text;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Proxy;

/// <summary>
/// What <c>kubectl proxy</c> does with a request (its filter, then apimachinery's proxy handler): the request goes
/// upstream with the caller's headers, <c>X-Forwarded-For</c>, Go's <c>Accept-Encoding: gzip</c> and the
/// kubeconfig's credentials (no Kubectl-Command or Kubectl-Session); the answer comes back as the server gave it.
/// </summary>
internal sealed class ProxyHandler(KubeClient client, ProxyFilter filter, string apiPrefix) : HttpMessageHandler
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var host = request.Headers.Host is { } h ? h.Split(':')[0] : uri.Host;
        if (!filter.Accepts(request.Method.Method, uri.AbsolutePath, host)) return Error(request, HttpStatusCode.Forbidden, "Forbidden");

        var path = uri.AbsolutePath;
        var prefix = apiPrefix.TrimEnd('/');
        if (prefix.Length > 0)
        {
            if (!path.StartsWith(prefix + "/", StringComparison.Ordinal) && path != prefix)
                return Error(request, HttpStatusCode.NotFound, "404 page not found");
            path = path[prefix.Length..];
            if (path.Length == 0) path = "/";
        }
        var config = client.Config;
        var upstream = new HttpRequestMessage(request.Method, new Uri(config.Server, path + uri.Query));
        foreach (var (name, values) in request.Headers.NonValidated)
            if (!HopByHop.Contains(name)) upstream.Headers.TryAddWithoutValidation(name, values);
        if (!upstream.Headers.NonValidated.Contains("Accept-Encoding")) upstream.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        if (config.Token is { } token) upstream.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        foreach (var group in config.ImpersonateGroups) upstream.Headers.TryAddWithoutValidation("Impersonate-Group", group);
        if (config.ImpersonateUser is { } user) upstream.Headers.TryAddWithoutValidation("Impersonate-User", user);
        upstream.Headers.TryAddWithoutValidation("X-Forwarded-For", "127.0.0.1");
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            upstream.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content.Headers.NonValidated) upstream.Content.Headers.TryAddWithoutValidation(name, values);
        }
        return await client.ForwardAsync(upstream, cancellationToken);
    }

    /// <summary>Go's <c>http.Error</c>: the text and a newline, as plain UTF-8 text the browser must not sniff.</summary>
    private static HttpResponseMessage Error(HttpRequestMessage request, HttpStatusCode status, string text)
    {
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(text + "\n", Encoding.UTF8, "text/plain") };
        response.Headers.TryAddWithoutValidation("X-Content-Type-Options", "nosniff");
        return response;
    }
}
