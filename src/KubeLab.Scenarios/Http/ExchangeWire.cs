using System.Globalization;

namespace KubeLab.Scenarios.Http;

/// <summary>
/// An exchange of the API server's log as the two HTTP/1.1 messages on the wire: the
/// request in its client's header order, the response as kube-apiserver's Go server frames it.
/// </summary>
public static class ExchangeWire
{
    public static WireMessage Request(WireExchange exchange)
    {
        var recorded = HeaderField.From(exchange.RequestHeaders);
        var headers = RequestHeaderOrder.Arrange(recorded, RequestHeaderOrder.Of(recorded)).ToList();
        var body = exchange.RequestBody;
        BodyFraming framing;
        if (headers.Any(h => h.Is("Transfer-Encoding") && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            framing = BodyFraming.Chunked;
        else if (headers.Any(h => h.Is("Content-Length")))
            framing = BodyFraming.ContentLength;
        else if (body.Length > 0)
        {
            framing = BodyFraming.ContentLength;
            headers.Add(new HeaderField("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        }
        else framing = BodyFraming.None;
        return new WireMessage($"{exchange.Method} {exchange.Target} HTTP/1.1", headers, framing, body.Length > 0 ? [body] : []);
    }

    /// <summary>The response, or null when none was written (the client went away first).</summary>
    public static WireMessage? Response(WireExchange exchange)
    {
        if (exchange.Status == 0) return null;
        // The simulated server declares a length on every response it writes in one go; only streams go without.
        var streamed = !exchange.ResponseHeaders.Any(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        return GoServerResponse.Build(exchange.Status, exchange.ResponseHeaders, exchange.ResponseChunks, streamed,
            exchange.Completed is not null, exchange.Completed ?? exchange.Started, exchange.Method == "HEAD");
    }
}
