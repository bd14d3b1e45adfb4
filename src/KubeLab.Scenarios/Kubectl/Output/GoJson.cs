using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// Go's encoding/json applied to unstructured content, as kubectl prints it: object keys sorted
/// (Go maps are encoded in key order), HTML characters escaped, integers as integers and floats
/// in Go's notation. <see cref="Indent"/> is <c>json.MarshalIndent(v, "", "    ")</c>.
/// </summary>
public static class GoJson
{
    /// <summary>Orders keys as Go sorts strings: by UTF-8 bytes, which is code point order.</summary>
    public static readonly IComparer<string> KeyOrder = KubeLab.ControlPlane.Serialization.GoStringOrder.Instance;

    public static string Compact(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, indent: null, depth: 0);
        return text.ToString();
    }

    public static string Indent(JsonNode? node, string indent = "    ")
    {
        var text = new StringBuilder();
        Write(text, node, indent, depth: 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, string? indent, int depth)
    {
        switch (GoValue.Of(node))
        {
            case null: text.Append("null"); break;
            case string s: WriteString(text, s); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case long l: text.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: text.Append(GoFloat.FormatJson(d)); break;
            case JsonObject o:
                WriteContainer(text, '{', '}', o.OrderBy(p => p.Key, KeyOrder).ToList(), indent, depth, (p, inner) =>
                {
                    WriteString(text, p.Key);
                    text.Append(indent is null ? ":" : ": ");
                    Write(text, p.Value, indent, inner);
                });
                break;
            case JsonArray a:
                WriteContainer(text, '[', ']', a.ToList(), indent, depth, (e, inner) => Write(text, e, indent, inner));
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder text, char open, char close, List<T> items, string? indent, int depth, Action<T, int> writeItem)
    {
        text.Append(open);
        // Go's indenter leaves empty containers as {} and [].
        if (items.Count == 0)
        {
            text.Append(close);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) text.Append(',');
            NewLine(text, indent, depth + 1);
            writeItem(items[i], depth + 1);
        }
        NewLine(text, indent, depth);
        text.Append(close);
    }

    private static void NewLine(StringBuilder text, string? indent, int depth)
    {
        if (indent is null) return;
        text.Append('\n');
        for (var i = 0; i < depth; i++) text.Append(indent);
    }

    /// <summary>A Go JSON string: short escapes for \b \f \n \r \t, \u00XX for other controls, and HTML-safe.</summary>
    public static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case < ' ':
                    text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        text.Append(c).Append(s[++i]);
                    else if (char.IsSurrogate(c))
                        text.Append("\\ufffd"); // Go replaces invalid UTF-8 this way
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
