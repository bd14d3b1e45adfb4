using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeLab.Testing;

/// <summary>
/// The HAR 1.2 structure (http://www.softwareishard.com/blog/har-12-spec/) as checks: every required field
/// with its type, optional fields typed when present, no fields outside the spec except custom ones
/// (<c>_name</c>), and the rules between fields (timings add up to time; postData has text or params).
/// Returns every violation, as a path and what is wrong.
/// </summary>
public static class HarSpec
{
    private enum T { String, Number, Object, Array }

    private sealed record Field(string Name, T Type, bool Required = true, Func<JsonNode, string, IEnumerable<string>>? Inner = null);

    public static IReadOnlyList<string> Violations(JsonNode har)
    {
        var found = new List<string>();
        found.AddRange(Check(har, "", [new Field("log", T.Object, Inner: Log)]));
        return found;
    }

    private static IEnumerable<string> Log(JsonNode log, string at) => Check(log, at,
    [
        new("version", T.String), new("creator", T.Object, Inner: Creator), new("browser", T.Object, false, Creator),
        new("pages", T.Array, false, (n, p) => Each(n, p, Page)), new("entries", T.Array, Inner: (n, p) => Each(n, p, Entry)), new("comment", T.String, false),
    ]);

    private static IEnumerable<string> Creator(JsonNode node, string at) => Check(node, at, [new("name", T.String), new("version", T.String), new("comment", T.String, false)]);

    private static IEnumerable<string> Page(JsonNode node, string at) => Check(node, at,
        [new("startedDateTime", T.String), new("id", T.String), new("title", T.String), new("pageTimings", T.Object), new("comment", T.String, false)]);

    private static IEnumerable<string> Entry(JsonNode entry, string at)
    {
        foreach (var v in Check(entry, at,
        [
            new("pageref", T.String, false), new("startedDateTime", T.String), new("time", T.Number),
            new("request", T.Object, Inner: Request), new("response", T.Object, Inner: Response), new("cache", T.Object, Inner: Cache),
            new("timings", T.Object, Inner: Timings), new("serverIPAddress", T.String, false), new("connection", T.String, false), new("comment", T.String, false),
        ])) yield return v;
        if (entry["startedDateTime"] is JsonValue started && !DateTimeOffset.TryParseExact(started.ToString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            yield return $"{at}.startedDateTime: not ISO 8601";
        if (entry["timings"] is JsonObject timings && entry["time"] is JsonValue time)
        {
            var sum = timings.Where(t => !t.Key.StartsWith('_') && t.Key != "comment").Select(t => Number(t.Value!)).Where(v => v >= 0).Sum();
            if (Math.Abs(sum - Number(time)) > 0.001) yield return $"{at}.time: {time} is not the sum of the timings ({sum})";
        }
    }

    private static IEnumerable<string> Request(JsonNode node, string at)
    {
        foreach (var v in Check(node, at,
        [
            new("method", T.String), new("url", T.String), new("httpVersion", T.String), new("cookies", T.Array, Inner: (n, p) => Each(n, p, Cookie)),
            new("headers", T.Array, Inner: (n, p) => Each(n, p, NameValue)), new("queryString", T.Array, Inner: (n, p) => Each(n, p, NameValue)),
            new("postData", T.Object, false, PostData), new("headersSize", T.Number), new("bodySize", T.Number), new("comment", T.String, false),
        ])) yield return v;
        if (node["url"] is JsonValue url && !Uri.TryCreate(url.ToString(), UriKind.Absolute, out _)) yield return $"{at}.url: not an absolute URL";
    }

    private static IEnumerable<string> Response(JsonNode node, string at) => Check(node, at,
    [
        new("status", T.Number), new("statusText", T.String), new("httpVersion", T.String), new("cookies", T.Array, Inner: (n, p) => Each(n, p, Cookie)),
        new("headers", T.Array, Inner: (n, p) => Each(n, p, NameValue)), new("content", T.Object, Inner: Content), new("redirectURL", T.String),
        new("headersSize", T.Number), new("bodySize", T.Number), new("comment", T.String, false),
    ]);

    private static IEnumerable<string> Content(JsonNode node, string at) => Check(node, at,
        [new("size", T.Number), new("compression", T.Number, false), new("mimeType", T.String), new("text", T.String, false), new("encoding", T.String, false), new("comment", T.String, false)]);

    private static IEnumerable<string> PostData(JsonNode node, string at)
    {
        foreach (var v in Check(node, at,
            [new("mimeType", T.String), new("params", T.Array, false, (n, p) => Each(n, p, Param)), new("text", T.String, false), new("comment", T.String, false)]))
            yield return v;
        if ((node["text"] is null) == (node["params"] is null)) yield return $"{at}: exactly one of text and params";
    }

    private static IEnumerable<string> Param(JsonNode node, string at) => Check(node, at,
        [new("name", T.String), new("value", T.String, false), new("fileName", T.String, false), new("contentType", T.String, false), new("comment", T.String, false)]);

    private static IEnumerable<string> Cookie(JsonNode node, string at) => Check(node, at,
        [new("name", T.String), new("value", T.String), new("path", T.String, false), new("domain", T.String, false), new("expires", T.String, false),
         new("httpOnly", T.String, false), new("secure", T.String, false), new("comment", T.String, false)]);

    private static IEnumerable<string> NameValue(JsonNode node, string at) => Check(node, at, [new("name", T.String), new("value", T.String), new("comment", T.String, false)]);

    private static IEnumerable<string> Cache(JsonNode node, string at) => Check(node, at,
        [new("beforeRequest", T.Object, false), new("afterRequest", T.Object, false), new("comment", T.String, false)]);

    private static IEnumerable<string> Timings(JsonNode node, string at)
    {
        foreach (var v in Check(node, at,
        [
            new("blocked", T.Number, false), new("dns", T.Number, false), new("connect", T.Number, false), new("send", T.Number),
            new("wait", T.Number), new("receive", T.Number), new("ssl", T.Number, false), new("comment", T.String, false),
        ])) yield return v;
        foreach (var name in new[] { "send", "wait", "receive" })
            if (node[name] is JsonValue value && Number(value) < 0) yield return $"{at}.{name}: must not be negative";
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static IEnumerable<string> Each(JsonNode node, string at, Func<JsonNode, string, IEnumerable<string>> inner) =>
        node.AsArray().SelectMany((item, i) => item is JsonObject ? inner(item, $"{at}[{i}]") : [$"{at}[{i}]: not an object"]);

    private static IEnumerable<string> Check(JsonNode node, string at, Field[] fields)
    {
        if (node is not JsonObject obj)
        {
            yield return $"{at}: not an object";
            yield break;
        }
        foreach (var (name, _) in obj)
            if (!name.StartsWith('_') && fields.All(f => f.Name != name)) yield return $"{at}.{name}: not a HAR 1.2 field (custom fields start with '_')";
        foreach (var field in fields)
        {
            var path = $"{at}.{field.Name}";
            if (obj[field.Name] is not { } value)
            {
                if (field.Required) yield return $"{path}: missing";
                continue;
            }
            var ok = field.Type switch
            {
                T.String => value is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String,
                T.Number => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number,
                T.Object => value is JsonObject,
                _ => value is JsonArray,
            };
            if (!ok) yield return $"{path}: not a {field.Type.ToString().ToLowerInvariant()}";
            else if (field.Inner is { } inner)
                foreach (var v in inner(value, path)) yield return v;
        }
    }
}
