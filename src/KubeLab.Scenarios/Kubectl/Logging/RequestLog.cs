using System.Globalization;
using System.Net;
using System.Text;
using KubeLab.Scenarios.Kubectl.Config;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Logging;

/// <summary>
/// What client-go logs about each request at <c>-v=6</c> to <c>-v=9</c> (rest.Request's body lines and the
/// debugging round tripper): the URL and status, then headers, then bodies, then a curl command line.
/// </summary>
internal sealed class RequestLog(Klog klog, TimeProvider clock)
{
    private const string RequestAt = "round_trippers.go:527";
    private const string ResponseAt = "round_trippers.go:632";
    private bool connected;

    public Klog Klog => klog;

    public void Request(KubeRequest request, HttpRequestMessage message, RestConfig config)
    {
        if (klog.V(8)) klog.Info(request.Caller, "Request Body", ("body", BodyText(request.Body ?? [])));
        var url = Url(message);
        if (klog.V(9))
        {
            klog.Info(RequestAt, "Request", ("curlCommand", Curl(message, url)));
            if (!connected) klog.Info("round_trippers.go:562", "HTTP Trace: Dial succeed", ("network", "tcp"), ("address", config.HostPort));
        }
        else if (klog.V(7))
        {
            klog.Info(RequestAt, "Request", ("verb", message.Method.Method), ("url", url), ("headers", Headers(LoggedRequestHeaders(message))));
        }
    }

    public void Response(KubeRequest request, HttpRequestMessage message, HttpResponseMessage response, RestConfig config, DateTimeOffset started)
    {
        if (!klog.V(6)) return;
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase ?? ReasonPhrase(response.StatusCode)}";
        var milliseconds = (long)(clock.GetUtcNow() - started).TotalMilliseconds;
        var values = new List<(string, object?)>();
        if (klog.V(9) || !klog.V(7)) values.AddRange([("verb", message.Method.Method), ("url", Url(message))]);
        values.Add(("status", status));
        if (klog.V(8)) values.Add(("headers", Headers(ResponseHeaders(response))));
        values.Add(("milliseconds", milliseconds));
        if (klog.V(9))
        {
            if (!connected) values.AddRange([("dnsLookupMilliseconds", 0L), ("dialMilliseconds", 0L), ("tlsHandshakeMilliseconds", 0L)]);
            else values.Add(("getConnectionMilliseconds", 0L));
            // Go checks the duration in nanoseconds, which is never zero on a real wire.
            values.Add(("serverProcessingMilliseconds", milliseconds));
        }
        connected = true;
        klog.Info(ResponseAt, "Response", values.ToArray());
    }

    public void ResponseBody(KubeRequest request, byte[] body)
    {
        if (klog.V(8) && request.LogResponseBody) klog.Info(request.Caller, "Response Body", ("body", BodyText(body)));
    }

    private string BodyText(byte[] body)
    {
        var text = body.Any(b => b < 0x0a) ? HexDump.Format(body) : Encoding.UTF8.GetString(body);
        if (klog.V(10)) return text;
        var max = klog.V(9) ? 10240 : 1024;
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes <= max) return text;
        // Go cuts the string at a byte offset.
        var cut = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text), 0, max);
        return cut + $" [truncated {bytes - max} chars]";
    }

    private static string Url(HttpRequestMessage message) =>
        $"{message.RequestUri!.Scheme}://{message.RequestUri.Authority}{message.RequestUri.PathAndQuery}";

    /// <summary>The headers client-go's own round trippers set (not the ones kubectl adds outside the logger).</summary>
    private static IEnumerable<(string Name, string Value)> LoggedRequestHeaders(HttpRequestMessage message)
    {
        // NonValidated: enumerating the headers otherwise parses them, and .NET would then send them re-formatted.
        foreach (var (name, values) in message.Headers.NonValidated)
        {
            if (name is "Kubectl-Command" or "Kubectl-Session" or "Accept-Encoding" or "Transfer-Encoding") continue;
            foreach (var value in values) yield return (name, Mask(name, value));
        }
        if (message.Content is { } content && content.Headers.NonValidated.TryGetValues("Content-Type", out var types))
            foreach (var value in types) yield return ("Content-Type", value);
    }

    private IEnumerable<(string Name, string Value)> ResponseHeaders(HttpResponseMessage response)
    {
        foreach (var (name, values) in response.Headers.NonValidated)
            foreach (var value in values) yield return (name, value);
        foreach (var (name, values) in response.Content.Headers.NonValidated)
            foreach (var value in values) yield return (name, value);
    }

    /// <summary>client-go's headersMap: sorted by name, one <c>Name: value</c> line each.</summary>
    private static string Headers(IEnumerable<(string Name, string Value)> headers)
    {
        var text = new StringBuilder();
        foreach (var group in headers.GroupBy(h => h.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            foreach (var (name, value) in group) text.Append(name).Append(": ").Append(value).Append('\n');
        return text.ToString();
    }

    private static string Curl(HttpRequestMessage message, string url)
    {
        var headers = new StringBuilder();
        foreach (var (name, value) in LoggedRequestHeaders(message))
            headers.Append(" -H ").Append(Output.GoValue.Quote($"{name}: {value}"));
        return $"curl -v -X{message.Method.Method} {headers} '{url}'\n";
    }

    /// <summary>client-go's maskValue: the credential of a known scheme becomes <c>&lt;masked&gt;</c>.</summary>
    private static string Mask(string name, string value)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || value.Length == 0) return value;
        var space = value.IndexOf(' ');
        var scheme = space > 0 ? value[..space] : value;
        if (scheme.ToLowerInvariant() is not ("bearer" or "basic" or "negotiate")) return "<masked>";
        return value.Length > scheme.Length + 1 ? scheme + " <masked>" : scheme;
    }

    private static string ReasonPhrase(HttpStatusCode code) =>
        new HttpResponseMessage(code).ReasonPhrase ?? ((int)code).ToString(CultureInfo.InvariantCulture);
}
