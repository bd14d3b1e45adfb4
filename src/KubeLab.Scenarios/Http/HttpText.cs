using System.Text;
using KubeLab.ControlPlane.Catalog;

namespace KubeLab.Scenarios.Http;

/// <summary>
/// An exchange as text a learner reads: the exact HTTP/1.1 bytes (CRLF line ends, chunk sizes of watch and
/// log streams included) wherever they are text. A binary body (protobuf) cannot be shown as it is: it is
/// shown as a hex dump, then, when it decodes, as the object it carries:
/// <code>
/// [45 bytes of application/vnd.kubernetes.protobuf]
/// 00000000  6b 38 73 00 0a 0f 0a 02  76 31 12 09 4e 61 6d 65  |k8s.....v1..Name|
/// …
/// [decoded: v1 Namespace]
/// {
///   "kind": "Namespace",
/// …
/// </code>
/// </summary>
public static class HttpText
{
    /// <summary>The request, then the response right after it, as they follow each other on the connection.</summary>
    public static string Render(WireExchange exchange, ResourceCatalog? catalog = null) =>
        Request(exchange, catalog) + (Response(exchange, catalog) ?? "");

    public static string Request(WireExchange exchange, ResourceCatalog? catalog = null) =>
        Message(ExchangeWire.Request(exchange), exchange.Method, exchange.Path, catalog ?? ResourceCatalog.Default);

    /// <summary>The response, or null when the server wrote none.</summary>
    public static string? Response(WireExchange exchange, ResourceCatalog? catalog = null) =>
        ExchangeWire.Response(exchange) is { } response ? Message(response, exchange.Method, exchange.Path, catalog ?? ResourceCatalog.Default) : null;

    /// <param name="method">The request's method and <paramref name="path"/>: which object a protobuf body holds.</param>
    public static string Message(WireMessage message, string method, string path, ResourceCatalog catalog)
    {
        var body = message.FramedBody;
        if (body.Length == 0) return message.Head;
        if (IsText(message, body)) return message.Head + Encoding.UTF8.GetString(body);

        var text = new StringBuilder(message.Head);
        var payload = message.Payload;
        var type = message.Header("Content-Type") is { Length: > 0 } contentType ? $" of {contentType}" : "";
        text.Append(message.Framing == BodyFraming.Chunked
            ? $"[{payload.Length} bytes{type}, chunked: {body.Length} bytes with the framing]\n"
            : $"[{payload.Length} bytes{type}]\n");
        text.Append(HexDump.Format(body));
        if (message.Framing != BodyFraming.Chunked && ProtobufView.TryDecode(payload, method, path, catalog) is { } decoded)
            text.Append($"[decoded: {decoded.ApiVersion} {decoded.Kind}]\n").Append(decoded.Json).Append('\n');
        return text.ToString();
    }

    /// <summary>Text is UTF-8 without control characters other than tab and line ends, and not a protobuf type.</summary>
    public static bool IsText(WireMessage message, byte[] body)
    {
        if (message.Header("Content-Type") is { } type && (type.Contains("protobuf", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))) return false;
        return IsText(body);
    }

    public static bool IsText(byte[] body)
    {
        if (body.Any(b => b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))) return false;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
