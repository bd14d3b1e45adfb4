using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

/// <summary>
/// go-yaml v2's timestamp recognition: a string that Go's <c>time.Parse</c> accepts with one of the
/// layouts <c>2006-1-2T15:4:5.999999999Z07:00</c> (also with a lower-case t),
/// <c>2006-1-2 15:4:5.999999999</c> or <c>2006-1-2</c>. Such strings are quoted on output, which
/// is why kubectl prints <c>creationTimestamp: "2025-01-01T00:00:00Z"</c>.
/// </summary>
internal static partial class YamlTimestamp
{
    public static bool IsTimestamp(string s)
    {
        // Go checks the cheap shape first: four digits and a dash.
        if (s.Length < 5 || !s[..4].All(char.IsAsciiDigit) || s[4] != '-') return false;
        var match = Layout().Match(s);
        if (!match.Success) return false;
        var separator = match.Groups["sep"].Value;
        var hasZone = match.Groups["zone"].Success;
        // The T layouts require a zone; the space layout has none.
        if ((separator is "T" or "t") != hasZone) return false;

        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        if (month is < 1 or > 12) return false;
        if (day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)) return false;
        if (separator.Length == 0) return true;
        if (Number(match, "hour") > 23 || Number(match, "minute") > 59 || Number(match, "second") > 59) return false;
        if (match.Groups["zh"].Success && (Number(match, "zh") > 24 || Number(match, "zm") > 60)) return false;
        return true;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})(?:(?<sep>[Tt ])(?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2}):(?<second>[0-9]{1,2})(?:[.,][0-9]+)?(?<zone>Z|[+-](?<zh>[0-9]{2}):(?<zm>[0-9]{2}))?)?$")]
    private static partial Regex Layout();
}
