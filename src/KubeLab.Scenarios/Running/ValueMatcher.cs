using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Running;

/// <summary>Applies a <see cref="ValueCheck"/> to a text or a JSON document; returns null when it holds, else why not.</summary>
internal static class ValueMatcher
{
    public static string? Text(ValueCheck check, string text)
    {
        if (check.Path is not null)
        {
            JsonNode? document;
            try { document = JsonNode.Parse(text); }
            catch (System.Text.Json.JsonException) { return "the output is not JSON, so it has no path " + check.Path.Text; }
            return Json(check, document);
        }
        var trimmed = text.EndsWith('\n') ? text[..^1] : text;
        if (check.EqualTo is { } expected && ObjectPath.AsText(expected.Value) != trimmed)
            return $"it was {Quote(trimmed)}";
        foreach (var part in check.Containing)
            if (!text.Contains(ObjectPath.AsText(part), StringComparison.Ordinal))
                return $"{Quote(ObjectPath.AsText(part))} is not in {Quote(trimmed)}";
        if (check.Matching is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(1)))
            return $"/{pattern}/ does not match {Quote(trimmed)}";
        return null;
    }

    public static string? Json(ValueCheck check, JsonNode? document, bool documentExists = true)
    {
        JsonNode? value = document;
        var found = documentExists && (check.Path is null || check.Path.TryFind(document, out value));
        if (check.Exists is { } exists && exists != found)
            return found ? $"{Where(check)} exists: {Show(value)}" : $"{Where(check)} does not exist";
        if (!found) return check.Exists == false ? null : $"{Where(check)} does not exist";
        if (check.EqualTo is { } expected && !Same(expected.Value, value))
            return $"{Where(check)} is {Show(value)}";
        foreach (var part in check.Containing)
        {
            var holds = value is JsonArray array ? array.Any(e => Same(part, e)) : ObjectPath.AsText(value).Contains(ObjectPath.AsText(part), StringComparison.Ordinal);
            if (!holds) return $"{Where(check)} ({Show(value)}) does not contain {Show(part)}";
        }
        if (check.Matching is { } pattern && !Regex.IsMatch(ObjectPath.AsText(value), pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            return $"{Where(check)} ({Show(value)}) does not match /{pattern}/";
        return null;
    }

    /// <summary>Scalars compare by their text (3 matches "3"); mappings and lists as JSON.</summary>
    private static bool Same(JsonNode? expected, JsonNode? actual) =>
        expected is JsonObject or JsonArray || actual is JsonObject or JsonArray
            ? JsonNode.DeepEquals(expected, actual)
            : (expected is null) == (actual is null) && ObjectPath.AsText(expected) == ObjectPath.AsText(actual);

    public static string Describe(ValueCheck check)
    {
        var parts = new List<string>();
        if (check.Exists is { } e) parts.Add(e ? "exists" : "does not exist");
        if (check.EqualTo is { } x) parts.Add($"equals {Show(x.Value)}");
        parts.AddRange(check.Containing.Select(c => $"contains {Show(c)}"));
        if (check.Matching is { } m) parts.Add($"matches /{m}/");
        return (check.Path is null ? "" : check.Path.Text + " ") + string.Join(", ", parts);
    }

    private static string Where(ValueCheck check) => check.Path?.Text ?? "the object";
    private static string Show(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? Quote(s) : node?.ToJsonString() ?? "null";
    private static string Quote(string text) => "\"" + (text.Length > 300 ? text[..300] + "…" : text).Replace("\n", "\\n") + "\"";
}
