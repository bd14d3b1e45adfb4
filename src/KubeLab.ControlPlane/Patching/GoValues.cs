using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// JSON values seen as the Go values Kubernetes decodes them into (<c>map[string]interface{}</c>,
/// <c>[]interface{}</c>, <c>string</c>, <c>int64</c>, <c>float64</c>, <c>bool</c>, nil), so patch errors
/// can print them with Go's <c>%v</c> and compare them with Go's <c>==</c>.
/// </summary>
internal static class GoValues
{
    /// <summary>reflect.TypeOf(v).String(), or <c>%!s(&lt;nil&gt;)</c> for nil as <c>%s</c> prints it.</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "%!s(<nil>)",
        JsonObject => "map[string]interface {}",
        JsonArray => "[]interface {}",
        _ => ScalarType(node.AsValue()),
    };

    /// <summary>Go's <c>%v</c>: maps print as <c>map[k:v]</c> with sorted keys, slices as <c>[a b]</c>.</summary>
    public static string Format(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    /// <summary>Go's <c>%s</c>: strings as they are, anything else as <c>%!s(type=value)</c>.</summary>
    public static string FormatS(JsonNode? node) => node switch
    {
        null => "%!s(<nil>)",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => $"%!s({ScalarType(v)}={Format(v)})",
        _ => Format(node),
    };

    /// <summary>Go's <c>==</c> on decoded scalars: same dynamic type and same value.</summary>
    public static bool ScalarEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is not JsonValue va || b is not JsonValue vb) return ReferenceEquals(a, b);
        if (ScalarType(va) != ScalarType(vb)) return false;
        return JsonNode.DeepEquals(va, vb);
    }

    /// <summary>strconv.Quote (Go's <c>%q</c>): printable characters as they are, others escaped.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            quoted.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                < 0x20 or 0x7f => $"\\x{rune.Value:x2}",
                _ when Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator && rune.Value != ' ' =>
                    rune.Value > 0xffff ? $"\\U{rune.Value:x8}" : $"\\u{rune.Value:x4}",
                _ => rune.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }


    public static string ScalarType(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => IsIntegralText(value) ? "int64" : "float64",
        _ => "%!s(<nil>)",
    };

    private static bool IsIntegralText(JsonValue value)
    {
        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("<nil>");
                break;
            case JsonObject obj:
                text.Append("map[");
                var first = true;
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) text.Append(' ');
                    first = false;
                    text.Append(key).Append(':');
                    Append(text, child);
                }
                text.Append(']');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(' ');
                    Append(text, array[i]);
                }
                text.Append(']');
                break;
            default:
                var value = node.AsValue();
                text.Append(value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number when ScalarType(value) == "int64" => value.ToJsonString(),
                    _ => FormatFloat(value.GetValue<double>()),
                });
                break;
        }
    }

    /// <summary>Go's <c>%v</c> of a float64: shortest digits, exponent form below 1e-4 and from 1e6.</summary>
    public static string FormatFloat(double f)
    {
        if (double.IsNaN(f)) return "NaN";
        if (double.IsInfinity(f)) return f > 0 ? "+Inf" : "-Inf";
        if (f == 0) return double.IsNegative(f) ? "-0" : "0";
        var round = f.ToString("E16", CultureInfo.InvariantCulture);
        var shortest = f.ToString("R", CultureInfo.InvariantCulture);
        var exponent = int.Parse(round[(round.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        var digits = new string(shortest.TakeWhile(ch => ch is not ('E' or 'e')).Where(char.IsAsciiDigit).ToArray()).TrimStart('0').TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sign = f < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6)
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        return sign + decimal.Parse(shortest.TrimStart('-'), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}
