using System.Globalization;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Http;

/// <summary>
/// What the renderers and exporters need of one exchange, as plain data: the request as the server
/// recorded it, the response as the chunks it wrote, and when it started and ended. Made from a live
/// <see cref="Exchange"/> of the API server's log, or from a transcript's copy of one.
/// </summary>
public sealed record WireExchange(
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    byte[] RequestBody,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    IReadOnlyList<byte[]> ResponseChunks,
    DateTimeOffset Started,
    DateTimeOffset? Completed)
{
    public string Path => Target.Split('?')[0];

    public static WireExchange From(Exchange exchange) => new(
        exchange.Method, exchange.Target, exchange.RequestHeaders, exchange.RequestBody, exchange.StatusCode,
        exchange.ResponseHeaders, exchange.ResponseChunks, exchange.Started, exchange.Completed);

    /// <summary>A transcript's copy of an exchange (it keeps no times: see <see cref="FromRecord"/>).</summary>
    public static WireExchange From(ExchangeRecord record) => FromRecord(record.Method, record.Target, record.RequestHeaders,
        record.RequestBody.Bytes, record.Status, record.ResponseHeaders, record.ResponseChunks.Select(c => c.Bytes).ToList());

    /// <summary>
    /// For a copy that kept no times: the response's <c>Date</c> (the server's clock, to the second) stands
    /// for both ends. A copy is of a finished exchange unless <paramref name="complete"/> says otherwise.
    /// </summary>
    public static WireExchange FromRecord(string method, string target, IReadOnlyList<KeyValuePair<string, string>> requestHeaders, byte[] requestBody,
        int status, IReadOnlyList<KeyValuePair<string, string>> responseHeaders, IReadOnlyList<byte[]> responseChunks, bool complete = true)
    {
        var date = responseHeaders.FirstOrDefault(h => h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase)).Value;
        var at = DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : DateTimeOffset.UnixEpoch;
        return new WireExchange(method, target, requestHeaders, requestBody, status, responseHeaders, responseChunks, at, complete ? at : null);
    }
}
