using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Model;

/// <summary>Durations written as Go and kubectl write them: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
public static partial class GoDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Whole().IsMatch(text)) return false;
        foreach (Match part in Part().Matches(text))
        {
            var number = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            value += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromHours(number),
            };
        }
        return true;
    }

    /// <summary>The canonical text, as Go's <c>Duration.String</c> would print whole units: <c>1h30m</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var text = new StringBuilder();
        var hours = (int)value.TotalHours;
        if (hours > 0) text.Append(hours).Append('h');
        if (value.Minutes > 0) text.Append(value.Minutes).Append('m');
        if (value.Seconds > 0) text.Append(value.Seconds).Append('s');
        if (value.Milliseconds > 0) text.Append(value.Milliseconds).Append("ms");
        return text.ToString();
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
