using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Http;

namespace KubeLab.Site.Exchanges;

/// <summary>A message body as the player shows it: by what it is, not by how it was framed.</summary>
public abstract record BodyView(int Bytes);

public sealed record NoBody() : BodyView(0);

public sealed record TextContent(string Text, int Bytes) : BodyView(Bytes);

/// <summary>JSON, indented; <paramref name="Tree"/> to fold it, null when it is too big to show as a tree.</summary>
public sealed record JsonContent(string Indented, JsonTreeNode? Tree, int Bytes) : BodyView(Bytes);

/// <summary>Kubernetes protobuf: the bytes as a hex dump, beside the object they decode to (when a known type fits).</summary>
public sealed record ProtobufContent(string Hex, string? Type, JsonContent? Decoded, int Bytes) : BodyView(Bytes);

public sealed record BinaryContent(string Hex, int Bytes) : BodyView(Bytes);

/// <summary>A stream (a watch, a followed log) as the events the server flushed, one at a time.</summary>
public sealed record EventStream(IReadOnlyList<StreamEvent> Events, bool Complete, int Bytes) : BodyView(Bytes);

/// <param name="Label">What the event is, e.g. <c>ADDED Pod nginx, resourceVersion 55</c>; for log lines, null.</param>
public sealed record StreamEvent(int Number, string? Label, BodyView Body);

public static class BodyViews
{
    public static BodyView Of(WireMessage message, string method, string path, ResourceCatalog catalog)
    {
        var payload = message.Payload;
        if (payload.Length == 0) return new NoBody();
        var contentType = message.Header("Content-Type") ?? "";
        if (message.Streamed) return Stream(message, contentType);
        if (ProtobufView.IsProtobuf(payload))
        {
            var decoded = ProtobufView.TryDecode(payload, method, path, catalog);
            return new ProtobufContent(HexDump.Format(payload), decoded is null ? null : $"{decoded.ApiVersion} {decoded.Kind}",
                decoded is null ? null : Json(JsonNode.Parse(decoded.Json), Encoding.UTF8.GetByteCount(decoded.Json)), payload.Length);
        }
        if (!HttpText.IsText(message, payload)) return new BinaryContent(HexDump.Format(payload), payload.Length);
        var text = Encoding.UTF8.GetString(payload);
        return contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && TryParse(text) is { } json
            ? Json(json, payload.Length)
            : new TextContent(text, payload.Length);
    }

    private static BodyView Stream(WireMessage message, string contentType)
    {
        var events = new List<StreamEvent>();
        foreach (var piece in message.Body)
        {
            if (!HttpText.IsText(piece))
            {
                events.Add(new StreamEvent(events.Count + 1, null, new BinaryContent(HexDump.Format(piece), piece.Length)));
                continue;
            }
            var text = Encoding.UTF8.GetString(piece);
            // A watch flushes one JSON event per line; a log flushes lines of text.
            var json = contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
            foreach (var line in json ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [text])
                events.Add(json && TryParse(line) is { } node
                    ? new StreamEvent(events.Count + 1, WatchLabel(node), Json(node, Encoding.UTF8.GetByteCount(line)))
                    : new StreamEvent(events.Count + 1, null, new TextContent(line, Encoding.UTF8.GetByteCount(line))));
        }
        return new EventStream(events, message.Complete, message.Payload.Length);
    }

    /// <summary><c>ADDED Pod nginx, resourceVersion 55</c> for a watch event; the kind alone for anything else.</summary>
    private static string? WatchLabel(JsonNode node)
    {
        if (node is not JsonObject { } e || e["type"]?.GetValueKind() != JsonValueKind.String) return node["kind"]?.ToString();
        var obj = e["object"];
        var name = obj?["metadata"]?["name"]?.ToString();
        var version = obj?["metadata"]?["resourceVersion"]?.ToString();
        return $"{e["type"]} {obj?["kind"]}" + (name is null ? "" : $" {name}") + (version is null ? "" : $", resourceVersion {version}");
    }

    private static JsonContent Json(JsonNode? node, int bytes) => new(node?.ToJsonString(JsonTree.Indented) ?? "null", JsonTree.Build(node), bytes);

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
