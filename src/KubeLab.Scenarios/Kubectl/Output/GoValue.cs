using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// JSON values as kubectl holds them after decoding into unstructured content (int64 when the
/// number is an integer, else float64), and Go's <c>fmt.Sprint</c> and <c>%q</c> of them.
/// </summary>
public static class GoValue
{
    /// <summary>The Go value a JSON node decodes to: string, long, double, bool, JsonObject, JsonArray or null.</summary>
    public static object? Of(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject or JsonArray:
                return node;
        }
        var value = node.AsValue();
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                // Boxed separately: a conditional expression would widen the long to double.
                JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
                _ => null,
            };
        }
        if (value.TryGetValue<string>(out var s)) return s;
        if (value.TryGetValue<bool>(out var b)) return b;
        if (value.TryGetValue<long>(out var i)) return i;
        if (value.TryGetValue<int>(out var i32)) return (long)i32;
        if (value.TryGetValue<double>(out var d)) return d;
        return value.ToJsonString();
    }

    /// <summary><c>fmt.Sprint</c>: maps as <c>map[k:v]</c> with sorted keys, slices as <c>[a b]</c>, nil as <c>&lt;nil&gt;</c>.</summary>
    public static string Sprint(JsonNode? node) => Sprint(Of(node));

    /// <summary><c>fmt.Sprint</c> of a Go value as <see cref="Of"/> returns it.</summary>
    public static string Sprint(object? value) => value switch
    {
        null => "<nil>",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFloat.FormatG(d),
        JsonObject o => "map[" + string.Join(" ", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + ":" + Sprint(Of(p.Value)))) + "]",
        JsonArray a => "[" + string.Join(" ", a.Select(e => Sprint(Of(e)))) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary><c>strconv.Quote</c>, as <c>%q</c> prints names in kubectl's messages.</summary>
    public static string Quote(string s)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); continue;
                case '\\': text.Append("\\\\"); continue;
                case '\a': text.Append("\\a"); continue;
                case '\b': text.Append("\\b"); continue;
                case '\f': text.Append("\\f"); continue;
                case '\n': text.Append("\\n"); continue;
                case '\r': text.Append("\\r"); continue;
                case '\t': text.Append("\\t"); continue;
                case '\v': text.Append("\\v"); continue;
            }
            if (IsPrint(rune)) text.Append(rune.ToString());
            else if (rune.Value < ' ' || rune.Value == 0x7f) text.Append($"\\x{rune.Value:x2}");
            else if (rune.Value < 0x10000) text.Append($"\\u{rune.Value:x4}");
            else text.Append($"\\U{rune.Value:x8}");
        }
        return text.Append('"').ToString();
    }

    // unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
