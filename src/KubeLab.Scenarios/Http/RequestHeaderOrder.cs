namespace KubeLab.Scenarios.Http;

/// <summary>
/// The order a client writes its request headers in. A server records headers in a dictionary, so the
/// order on the wire is rebuilt from the client's own rules:
/// <list type="bullet">
/// <item>Go (kubectl, client-go, the controllers; request.go/transfer.go): <c>Host</c>, <c>User-Agent</c>,
/// <c>Content-Length</c> or <c>Transfer-Encoding</c>, the rest sorted by name, then the transport's
/// <c>Accept-Encoding: gzip</c>.</item>
/// <item>curl (http.c): <c>Host</c>, <c>User-Agent</c>, then as recorded (curl's <c>Accept</c> and the
/// <c>-H</c> headers in the order given), then <c>Content-Length</c> and curl's default <c>Content-Type</c>
/// for <c>-d</c>. A <c>-H "Content-Type: …"</c> is recorded after the other custom headers.</item>
/// <item>Anything else: <c>Host</c> first, the rest as recorded.</item>
/// </list>
/// </summary>
public static class RequestHeaderOrder
{
    public enum Client { Go, Curl, AsRecorded }

    public const string CurlFormContentType = "application/x-www-form-urlencoded";

    /// <summary>
    /// Which rules apply, from the User-Agent. A request relayed by a Go reverse proxy (<c>kubectl proxy</c>,
    /// which adds <c>X-Forwarded-For</c>) was written by Go, whoever sent it to the proxy.
    /// </summary>
    public static Client Of(IEnumerable<HeaderField> headers)
    {
        var list = headers.ToList();
        if (list.Any(h => h.Is("X-Forwarded-For"))) return Client.Go;
        var agent = list.FirstOrDefault(h => h.Is("User-Agent")).Value ?? "";
        if (agent.StartsWith("curl/", StringComparison.Ordinal)) return Client.Curl;
        if (agent.StartsWith("kubectl/", StringComparison.Ordinal) || agent.StartsWith("Go-http-client/", StringComparison.Ordinal)
            || agent.Contains(" kubernetes/", StringComparison.Ordinal)) return Client.Go;
        return Client.AsRecorded;
    }

    public static IReadOnlyList<HeaderField> Arrange(IReadOnlyList<HeaderField> headers, Client client) => client switch
    {
        Client.Go => Go(headers),
        Client.Curl => Curl(headers),
        _ => [.. headers.Where(h => h.Is("Host")), .. headers.Where(h => !h.Is("Host"))],
    };

    private static List<HeaderField> Go(IReadOnlyList<HeaderField> headers)
    {
        string[] first = ["Host", "User-Agent", "Connection", "Content-Length", "Transfer-Encoding", "Trailer"];
        var gzip = headers.Where(h => h.Is("Accept-Encoding") && h.Value == "gzip").Take(1).ToList();
        var result = first.SelectMany(name => headers.Where(h => h.Is(name)).Take(1))
            .Select(h => h with { Name = GoHeaderKey.Canonical(h.Name), Value = GoServerResponse.Clean(h.Value) }).ToList();
        result.AddRange(headers.Where(h => !first.Any(h.Is) && !gzip.Contains(h))
            .Select(h => new HeaderField(GoHeaderKey.Canonical(h.Name), GoServerResponse.Clean(h.Value)))
            .OrderBy(h => h.Name, StringComparer.Ordinal));
        result.AddRange(gzip);
        return result;
    }

    private static List<HeaderField> Curl(IReadOnlyList<HeaderField> headers)
    {
        string[] first = ["Host", "User-Agent"];
        var defaultType = headers.Where(h => h.Is("Content-Type") && h.Value == CurlFormContentType).Take(1).ToList();
        var length = headers.Where(h => h.Is("Content-Length")).Take(1).ToList();
        var result = first.SelectMany(name => headers.Where(h => h.Is(name)).Take(1)).ToList();
        result.AddRange(headers.Where(h => !first.Any(h.Is) && !length.Contains(h) && !defaultType.Contains(h)));
        result.AddRange(length);
        result.AddRange(defaultType);
        return result;
    }
}
