using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

/// <summary>
/// go-yaml v2's implicit typing (its <c>resolve</c>), used backwards: a string may be written
/// plain only if reading it back plain would give a string again. So "true", "y", "on", "~", "",
/// "123", "0x1F", "1e3", "1:20" (a base-60 float) and "2025-01-01" (a timestamp) get quoted.
/// </summary>
internal static partial class YamlScalarResolver
{
    private static readonly HashSet<string> Reserved =
    [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ];

    /// <summary>True when a plain scalar with this text would not read back as the same string.</summary>
    public static bool NeedsQuotes(string s) => !ResolvesToString(s) || IsBase60Float(s);

    private static bool ResolvesToString(string s)
    {
        if (s.Length == 0) return false; // null
        var hint = s[0] switch
        {
            '+' or '-' => 'S',
            >= '0' and <= '9' => 'D',
            'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
            '.' => '.',
            _ => '\0',
        };
        if (hint == '\0') return true;
        if (Reserved.Contains(s)) return false;
        switch (hint)
        {
            case '.':
                return !DotFloat().IsMatch(s) || !FiniteFloat(s);
            case 'D' or 'S':
                if (YamlTimestamp.IsTimestamp(s)) return false;
                var plain = s.Replace("_", "");
                if (IsGoInteger(plain)) return false;
                if (StyleFloat().IsMatch(plain) && FiniteFloat(plain)) return false;
                return true;
            default:
                return true;
        }
    }

    public static bool IsBase60Float(string s) =>
        s.Length > 0 && (s[0] is '+' or '-' || char.IsAsciiDigit(s[0])) && s.Contains(':') && Base60Float().IsMatch(s);

    /// <summary><c>strconv.ParseInt(s, 0, 64)</c> or <c>ParseUint(s, 0, 64)</c> would succeed.</summary>
    private static bool IsGoInteger(string s)
    {
        var match = GoInteger().Match(s);
        if (!match.Success) return false;
        var sign = match.Groups["sign"].Value;
        var (digits, radix) = match.Groups["hex"].Success ? (match.Groups["hex"].Value, 16)
            : match.Groups["oct"].Success ? (match.Groups["oct"].Value, 8)
            : match.Groups["bin"].Success ? (match.Groups["bin"].Value, 2)
            : match.Groups["legacy"].Success ? (match.Groups["legacy"].Value, 8)
            : (match.Groups["dec"].Value, 10);
        var value = BigInteger.Zero;
        foreach (var c in digits) value = value * radix + Convert.ToInt32(c.ToString(), 16);
        if (sign == "-") value = -value;
        if (value >= long.MinValue && value <= long.MaxValue) return true;
        return sign.Length == 0 && value <= ulong.MaxValue;
    }

    // strconv.ParseFloat fails with a range error on overflow.
    private static bool FiniteFloat(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:0[xX](?<hex>[0-9a-fA-F]+)|0[oO](?<oct>[0-7]+)|0[bB](?<bin>[01]+)|(?<legacy>0[0-7]*)|(?<dec>[1-9][0-9]*))$")]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex StyleFloat();

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex DotFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Float();
}
