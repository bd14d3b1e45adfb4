using System.Globalization;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Printers;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>describe.go's shared pieces: label and annotation blocks, times, events.</summary>
internal static class DescribeText
{
    private const int MaxAnnotationLength = 140;

    public static string S(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString() ?? "";

    public static IReadOnlyList<JsonObject> Objects(JsonNode? node) => node is JsonArray a ? a.OfType<JsonObject>().ToList() : [];

    public static IReadOnlyList<string> Strings(JsonNode? node) => node is JsonArray a ? a.Select(S).ToList() : [];

    /// <summary>An object field, or an empty object: Go's zero value of a struct.</summary>
    public static JsonObject Obj(JsonNode? node) => node as JsonObject ?? [];

    /// <summary>An integer field; Go's zero when absent.</summary>
    public static long Int(JsonNode? node) => node is JsonValue v && long.TryParse(v.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static bool Bool(JsonNode? node) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>Go's <c>%v</c> of a bool.</summary>
    public static string GoBool(JsonNode? node) => Bool(node) ? "true" : "false";

    /// <summary>Go's <c>%v</c> of a string slice: <c>[get list]</c>.</summary>
    public static string GoSlice(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";

    /// <summary>The object the <c>controller: true</c> owner reference names, as <c>Kind/name</c> (kubectl's printController), or empty.</summary>
    public static string ControlledBy(JsonObject metadata) =>
        Objects(metadata["ownerReferences"]).FirstOrDefault(o => Bool(o["controller"])) is { } owner ? $"{S(owner["kind"])}/{S(owner["name"])}" : "";

    /// <summary>
    /// The lines most describers open with: <c>Name</c>, <c>Namespace</c> (for namespaced kinds), and the labels and
    /// annotations blocks.
    /// </summary>
    public static void Header(PrefixWriter w, JsonObject metadata, bool namespaced = true)
    {
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        if (namespaced) w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        Labels(w, "Labels", metadata["labels"] as JsonObject);
        Annotations(w, "Annotations", metadata["annotations"] as JsonObject);
    }

    public static void Labels(PrefixWriter w, string title, JsonObject? labels, string initialIndent = "", string innerIndent = "\t")
    {
        w.Write(0, $"{initialIndent}{title}:{innerIndent}");
        var keys = labels?.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        if (keys.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }
        for (var i = 0; i < keys.Count; i++)
        {
            if (i != 0) w.Write(0, initialIndent + innerIndent);
            w.Write(0, $"{keys[i]}={S(labels![keys[i]])}\n");
        }
    }

    public static void Annotations(PrefixWriter w, string title, JsonObject? annotations)
    {
        w.Write(0, $"{title}:\t");
        var keys = annotations?.Select(kv => kv.Key).Where(k => k != "kubectl.kubernetes.io/last-applied-configuration").Order(StringComparer.Ordinal).ToList() ?? [];
        if (keys.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }
        for (var i = 0; i < keys.Count; i++)
        {
            if (i != 0) w.Write(0, "\t");
            var value = S(annotations![keys[i]]);
            if (value.EndsWith('\n')) value = value[..^1];
            if (value.Length + keys[i].Length + 2 > MaxAnnotationLength || value.Contains('\n'))
            {
                w.Write(0, $"{keys[i]}:\n");
                foreach (var line in value.Split('\n'))
                    w.Write(0, $"\t  {(line.Length > MaxAnnotationLength - 2 ? line[..(MaxAnnotationLength - 2)] + "..." : line)}\n");
            }
            else w.Write(0, $"{keys[i]}: {value}\n");
        }
    }

    /// <summary>Go's <c>time.RFC1123Z</c>: <c>Mon, 02 Jan 2006 15:04:05 -0700</c> (a missing time is Go's zero time).</summary>
    public static string Rfc1123Z(string timestamp) =>
        timestamp.Length == 0 ? "Mon, 01 Jan 0001 00:00:00 +0000"
        : DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)
            : timestamp;

    /// <summary>printTolerationsMultiline: one toleration a line, sorted by key.</summary>
    public static void Tolerations(PrefixWriter w, string title, IReadOnlyList<JsonObject> tolerations)
    {
        w.Write(0, $"{title}:\t");
        if (tolerations.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }
        var sorted = tolerations.OrderBy(t => S(t["key"]), StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var t = sorted[i];
            if (i != 0) w.Write(0, "\t");
            var key = S(t["key"]);
            var value = S(t["value"]);
            var effect = S(t["effect"]);
            var text = key + (value.Length > 0 ? "=" + value : "") + (effect.Length > 0 ? ":" + effect : "");
            if (S(t["operator"]) == "Exists" && value.Length == 0) text += key.Length > 0 || effect.Length > 0 ? " op=Exists" : "op=Exists";
            if (t["tolerationSeconds"] is JsonValue seconds) text += $" for {seconds}s";
            w.Write(0, text + "\n");
        }
    }

    /// <summary>printNodeTaintsMultiline: <c>key=value:Effect</c> a line, sorted by effect then key.</summary>
    public static void Taints(PrefixWriter w, string title, IReadOnlyList<JsonObject> taints)
    {
        w.Write(0, $"{title}:\t");
        if (taints.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }
        var sorted = taints.OrderBy(t => S(t["effect"]) + "," + S(t["key"]), StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i != 0) w.Write(0, "\t");
            // Taint.ToString: key=value:effect, without "=" when there is no value.
            var value = S(sorted[i]["value"]);
            w.Write(0, $"{S(sorted[i]["key"])}{(value.Length > 0 ? "=" + value : "")}:{S(sorted[i]["effect"])}\n");
        }
    }

    public static string Since(string? timestamp, DateTimeOffset now) =>
        string.IsNullOrEmpty(timestamp) || !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? "<unknown>"
            : HumanDuration.Format(now - time);

    /// <summary>DescribeEvents: a Type/Reason/Age/From/Message table, oldest first, ages from the client's clock.</summary>
    public static void Events(PrefixWriter w, IReadOnlyList<JsonObject>? events, DateTimeOffset now)
    {
        if (events is null) return;
        if (events.Count == 0)
        {
            w.Write(0, "Events:\t<none>\n");
            return;
        }
        w.Flush();
        var sorted = events.OrderBy(e => Last(e)).ToList();
        w.Write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        w.Write(1, "----\t------\t----\t----\t-------\n");
        foreach (var e in sorted)
        {
            var first = S(e["eventTime"]) is { Length: > 0 } eventTime ? Since(eventTime, now) : Since(S(e["firstTimestamp"]), now);
            var count = e["count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : 0;
            var interval = e["series"] is JsonObject series
                ? $"{Since(S(series["lastObservedTime"]), now)} (x{S(series["count"])} over {first})"
                : count > 1 ? $"{Since(S(e["lastTimestamp"]), now)} (x{count} over {first})" : first;
            var source = S(e["source"]?["component"]);
            if (source.Length == 0) source = S(e["reportingComponent"]);
            w.Write(1, $"{S(e["type"])}\t{S(e["reason"])}\t{interval}\t{source}\t{S(e["message"]).Trim()}\n");
        }
    }

    private static DateTimeOffset Last(JsonObject e)
    {
        var text = S(e["lastTimestamp"]) is { Length: > 0 } last ? last : S(e["eventTime"]);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue;
    }
}
