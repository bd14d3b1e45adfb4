using System.Globalization;
using System.Text;

namespace KubeLab.Scenarios.Http;

/// <summary>
/// A response head as kube-apiserver's Go <c>net/http</c> server writes it (server.go, chunkWriter.writeHeader):
/// the handler's headers sorted by canonical name, then the ones the server adds itself in a fixed order —
/// a sniffed <c>Content-Type</c>, <c>Transfer-Encoding: chunked</c>, <c>Date</c>, <c>Content-Length</c>.
/// The apiserver never sets a length itself: a body that is complete and at most 2048 bytes when the handler
/// returns gets a <c>Content-Length</c>; a bigger one, or one flushed early (watch, followed logs), is chunked.
/// </summary>
public static class GoServerResponse
{
    /// <summary>Go's <c>bufferBeforeChunkingSize</c>: what the server holds back to compute a length.</summary>
    public const int BufferBeforeChunking = 2048;

    /// <summary>Headers the server itself decides; a handler's own values for them are set aside.</summary>
    private static readonly string[] ServerOwned = ["Content-Length", "Transfer-Encoding", "Date", "Connection"];

    /// <param name="status">The status code.</param>
    /// <param name="handlerHeaders">What the handler set, in any order and casing.</param>
    /// <param name="body">The body as the handler wrote it, one piece per write.</param>
    /// <param name="streamed">The handler flushed before it finished (a watch, a followed log).</param>
    /// <param name="complete">The handler has finished; false while a stream is still open.</param>
    /// <param name="fallbackDate">The <c>Date</c> when the handler set none (the time the response was written).</param>
    /// <param name="isHead">The request was a HEAD: no body, and no computed length.</param>
    /// <param name="handlerSetsLengthAndDate">
    /// Keep a <c>Content-Length</c> and <c>Date</c> the handler set among its headers, as Go does (a reverse proxy
    /// copies them from upstream). False for the simulated API server, which sets both where kube-apiserver sets
    /// neither: they are written where Go's server puts them.
    /// </param>
    public static WireMessage Build(int status, IEnumerable<KeyValuePair<string, string>> handlerHeaders, IReadOnlyList<byte[]> body,
        bool streamed, bool complete, DateTimeOffset fallbackDate, bool isHead = false, bool handlerSetsLengthAndDate = false)
    {
        var recorded = handlerHeaders.Select(h => new HeaderField(GoHeaderKey.Canonical(h.Key), Clean(h.Value))).ToList();
        var serverOwned = handlerSetsLengthAndDate ? ["Transfer-Encoding", "Connection"] : ServerOwned;
        var bodyAllowed = BodyAllowed(status) && !isHead;
        var length = body.Sum(b => (long)b.Length);
        var declaredLength = handlerSetsLengthAndDate && recorded.Any(h => h.Is("Content-Length"));
        var chunked = bodyAllowed && !declaredLength && (streamed || !complete || length > BufferBeforeChunking);

        var headers = recorded.Where(h => !serverOwned.Contains(h.Name, StringComparer.OrdinalIgnoreCase))
            .Where(h => BodyAllowed(status) || !SuppressedWithoutBody(status).Contains(h.Name))
            // A stable sort: values of one name keep the order the handler added them in.
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var payload = body.SelectMany(b => b).Take(512).ToArray();
        if (bodyAllowed && !headers.Any(h => h.Is("Content-Type")) && payload.Length > 0)
            headers.Add(new HeaderField("Content-Type", SniffContentType(payload)));
        if (chunked) headers.Add(new HeaderField("Transfer-Encoding", "chunked"));
        if (!headers.Any(h => h.Is("Date")))
            headers.Add(new HeaderField("Date", recorded.FirstOrDefault(h => h.Is("Date")).Value ?? fallbackDate.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)));
        if (bodyAllowed && !chunked && complete && !declaredLength) headers.Add(new HeaderField("Content-Length", length.ToString(CultureInfo.InvariantCulture)));

        var framing = !bodyAllowed ? BodyFraming.None : chunked ? BodyFraming.Chunked : BodyFraming.ContentLength;
        // Written in one go, a body reaches the wire as one piece (one chunk); a stream keeps a chunk per flush.
        IReadOnlyList<byte[]> pieces = framing == BodyFraming.None ? [] : streamed ? body : length == 0 ? [] : [body.SelectMany(b => b).ToArray()];
        return new WireMessage(StatusPhrases.StatusLine(status), headers, framing, pieces, complete) { Streamed = streamed && framing == BodyFraming.Chunked };
    }

    /// <summary>Go's <c>bodyAllowedForStatus</c>.</summary>
    public static bool BodyAllowed(int status) => status is not ((>= 100 and < 200) or 204 or 304);

    private static string[] SuppressedWithoutBody(int status) =>
        status == 304 ? ["Content-Type", "Content-Length", "Transfer-Encoding"] : ["Content-Length", "Transfer-Encoding"];

    /// <summary>Go replaces line breaks in values with spaces and trims the ends (Header.Write).</summary>
    internal static string Clean(string value) => value.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Trim(' ', '\t');

    /// <summary>
    /// What <c>http.DetectContentType</c> says of the bodies this server could leave untyped: text or bytes.
    /// (Go also recognises HTML, images and archives; no API response is one of those.)
    /// </summary>
    private static string SniffContentType(byte[] start)
    {
        var text = start.All(b => b >= 0x20 || b is (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0c or 0x1b);
        return text ? "text/plain; charset=utf-8" : "application/octet-stream";
    }
}
