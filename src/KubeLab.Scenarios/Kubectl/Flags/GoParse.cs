using System.Globalization;
using System.Text;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>
/// Go's parsers for flag values, with their error texts: <c>strconv.ParseBool</c>,
/// <c>strconv.ParseInt(s, 0, bits)</c>, <c>time.ParseDuration</c>, and the CSV reading of slice flags.
/// Failures are <see cref="FormatException"/>s whose message is Go's <c>err.Error()</c>.
/// </summary>
public static class GoParse
{
    public static string Quote(string s) => GoValue.Quote(s);

    public static bool Bool(string s) => s switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw new FormatException($"strconv.ParseBool: parsing {Quote(s)}: invalid syntax"),
    };

    public static long Int(string s, int bits)
    {
        var syntax = new FormatException($"strconv.ParseInt: parsing {Quote(s)}: invalid syntax");
        var text = s;
        var negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        var radix = 10;
        if (text.Length > 1 && text[0] == '0')
        {
            (radix, text) = char.ToLowerInvariant(text[1]) switch
            {
                'x' => (16, text[2..]),
                'o' => (8, text[2..]),
                'b' => (2, text[2..]),
                _ => (8, text[1..]),
            };
        }
        if (text.Length == 0 || text[0] == '_' || text[^1] == '_' || text.Contains("__")) throw syntax;
        System.Numerics.BigInteger value = 0;
        foreach (var c in text)
        {
            if (c == '_') continue;
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : c is >= 'A' and <= 'Z' ? c - 'A' + 10 : 99;
            if (digit >= radix) throw syntax;
            value = value * radix + digit;
        }
        if (negative) value = -value;
        var max = (System.Numerics.BigInteger.One << (bits - 1)) - 1;
        if (value > max || value < -max - 1) throw new FormatException($"strconv.ParseInt: parsing {Quote(s)}: value out of range");
        return (long)value;
    }

    private static readonly Dictionary<string, double> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1, ["us"] = 1e3, ["µs"] = 1e3, ["μs"] = 1e3, ["ms"] = 1e6, ["s"] = 1e9, ["m"] = 60e9, ["h"] = 3600e9,
    };

    /// <summary>Go's <c>time.ParseDuration</c>: <c>300ms</c>, <c>-1.5h</c>, <c>2h45m</c>.</summary>
    public static TimeSpan Duration(string s)
    {
        var invalid = new FormatException($"time: invalid duration {Quote(s)}");
        var text = s;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text == "0") return TimeSpan.Zero;
        if (text.Length == 0) throw invalid;
        double nanos = 0;
        while (text.Length > 0)
        {
            if (!(text[0] == '.' || char.IsAsciiDigit(text[0]))) throw invalid;
            var i = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            var whole = text[..i];
            var fraction = "";
            text = text[i..];
            if (text.Length > 0 && text[0] == '.')
            {
                var j = 1;
                while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                fraction = text[1..j];
                text = text[j..];
                if (whole.Length == 0 && fraction.Length == 0) throw invalid;
            }
            else if (whole.Length == 0)
            {
                throw invalid;
            }
            var u = 0;
            while (u < text.Length && !(text[u] == '.' || char.IsAsciiDigit(text[u]))) u++;
            if (u == 0) throw new FormatException($"time: missing unit in duration {Quote(s)}");
            var unit = text[..u];
            text = text[u..];
            if (!Units.TryGetValue(unit, out var scale)) throw new FormatException($"time: unknown unit {Quote(unit)} in duration {Quote(s)}");
            var number = double.Parse((whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? "" : "." + fraction), CultureInfo.InvariantCulture);
            nanos += number * scale;
        }
        if (nanos > long.MaxValue) throw invalid;
        var ticks = (long)Math.Round(nanos / 100);
        return TimeSpan.FromTicks(negative ? -ticks : ticks);
    }

    /// <summary>One line of CSV, as pflag reads a slice flag's value (<c>a,"b,c"</c> is two values).</summary>
    public static IReadOnlyList<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new FormatException($"parse error on line 1, column {line.Length + 1}: extraneous or missing \" in quoted-field");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',') throw new FormatException($"parse error on line 1, column {i + 1}: extraneous or missing \" in quoted-field");
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"') throw new FormatException($"parse error on line 1, column {i + 1}: bare \" in non-quoted-field");
                    field.Append(line[i++]);
                }
            }
            fields.Add(field.ToString());
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }
}
