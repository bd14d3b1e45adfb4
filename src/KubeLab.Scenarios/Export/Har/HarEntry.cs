using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Export.Har;

/// <summary>
/// One exchange as an entry of an HTTP Archive (HAR 1.2, http://www.softwareishard.com/blog/har-12-spec/):
/// headers in wire order, bodies as text, or as base64 when binary (protobuf), the time from start to the
/// last byte. A <see cref="HarEntryNote"/> adds who sent it in custom fields (<c>_user</c>, <c>_groups</c>,
/// <c>_component</c>, <c>_protocol</c>), which viewers ignore and scripts can filter on.
/// </summary>
public static class HarEntry
{
    /// <param name="baseUrl">Scheme and authority the request was sent to (the kubeconfig's server), without a trailing slash.</param>
    /// <param name="connection">The entry's connection id (one connection per exchange).</param>
    public static JsonObject Create(WireExchange exchange, string baseUrl, int connection, HarEntryNote? note = null)
    {
        var request = ExchangeWire.Request(exchange);
        var response = ExchangeWire.Response(exchange);
        var time = Math.Max(0, ((exchange.Completed ?? exchange.Started) - exchange.Started).TotalMilliseconds);
        var entry = new JsonObject
        {
            ["startedDateTime"] = exchange.Started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["time"] = time,
            ["request"] = Request(exchange, request, baseUrl),
            ["response"] = response is null ? NoResponse() : Response(response),
            ["cache"] = new JsonObject(),
            ["timings"] = new JsonObject
            {
                ["blocked"] = -1, ["dns"] = -1, ["connect"] = -1, ["send"] = 0, ["wait"] = time, ["receive"] = 0, ["ssl"] = -1,
            },
            ["serverIPAddress"] = "127.0.0.1",
            ["connection"] = connection.ToString(CultureInfo.InvariantCulture),
        };
        var comments = new List<string>();
        if (note is not null)
        {
            entry["_user"] = note.User;
            entry["_groups"] = new JsonArray([.. note.Groups.Select(g => (JsonNode?)g)]);
            if (note.Component is { } component) entry["_component"] = component;
            if (note.Protocol is { } protocol and not "HTTP/1.1")
            {
                entry["_protocol"] = protocol;
                comments.Add($"sent over {protocol}, shown as the HTTP/1.1 messages it stands for");
            }
        }
        if (exchange.Completed is null) comments.Add("still open when recorded: the response so far");
        if (comments.Count > 0) entry["comment"] = string.Join("; ", comments);
        return entry;
    }

    private static JsonObject Request(WireExchange exchange, WireMessage request, string baseUrl)
    {
        var json = new JsonObject
        {
            ["method"] = exchange.Method,
            ["url"] = baseUrl + exchange.Target,
            ["httpVersion"] = "HTTP/1.1",
            ["cookies"] = new JsonArray(),
            ["headers"] = Headers(request),
            ["queryString"] = QueryString(exchange.Target),
        };
        var payload = request.Payload;
        if (payload.Length > 0)
        {
            var mimeType = request.Header("Content-Type") ?? "";
            json["postData"] = HttpText.IsText(request, payload)
                ? new JsonObject { ["mimeType"] = mimeType, ["text"] = Encoding.UTF8.GetString(payload) }
                : new JsonObject
                {
                    // postData has no encoding field in HAR 1.2 (text and params exclude each other): the comment says so.
                    ["mimeType"] = mimeType, ["text"] = Convert.ToBase64String(payload),
                    ["comment"] = $"binary body ({payload.Length} bytes), base64-encoded",
                };
        }
        json["headersSize"] = Encoding.UTF8.GetByteCount(request.Head);
        json["bodySize"] = request.FramedBody.Length;
        return json;
    }

    private static JsonObject Response(WireMessage response)
    {
        var payload = response.Payload;
        var text = HttpText.IsText(response, payload);
        var content = new JsonObject { ["size"] = payload.Length, ["mimeType"] = response.Header("Content-Type") ?? "" };
        if (payload.Length > 0) content["text"] = text ? Encoding.UTF8.GetString(payload) : Convert.ToBase64String(payload);
        if (payload.Length > 0 && !text) content["encoding"] = "base64";
        var status = int.Parse(response.StartLine.Split(' ')[1], CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["status"] = status,
            ["statusText"] = StatusPhrases.Of(status),
            ["httpVersion"] = "HTTP/1.1",
            ["cookies"] = new JsonArray(),
            ["headers"] = Headers(response),
            ["content"] = content,
            ["redirectURL"] = response.Header("Location") ?? "",
            ["headersSize"] = Encoding.UTF8.GetByteCount(response.Head),
            ["bodySize"] = response.FramedBody.Length,
        };
    }

    /// <summary>A request the server never answered (the client went away first): HAR's convention is status 0.</summary>
    private static JsonObject NoResponse() => new()
    {
        ["status"] = 0, ["statusText"] = "", ["httpVersion"] = "", ["cookies"] = new JsonArray(), ["headers"] = new JsonArray(),
        ["content"] = new JsonObject { ["size"] = 0, ["mimeType"] = "" }, ["redirectURL"] = "", ["headersSize"] = -1, ["bodySize"] = -1,
    };

    private static JsonArray Headers(WireMessage message) =>
        new([.. message.Headers.Select(h => (JsonNode)new JsonObject { ["name"] = h.Name, ["value"] = h.Value })]);

    private static JsonArray QueryString(string target)
    {
        var query = target.Contains('?') ? target[(target.IndexOf('?') + 1)..] : "";
        return new JsonArray([.. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return (JsonNode)new JsonObject { ["name"] = Unescape(name), ["value"] = Unescape(value) };
        })]);
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
