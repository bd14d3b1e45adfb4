using System.Globalization;
using System.Text;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary>The two builtins that deal in time: <c>date</c> (what it prints) and <c>sleep</c> (how long it waits).</summary>
internal static class ShellTime
{
    /// <summary><c>date</c> in the C locale and UTC: <c>Wed Jan  1 00:00:05 UTC 2025</c>, or <c>date +FORMAT</c>.</summary>
    public static string Date(List<string> args, DateTimeOffset now)
    {
        var format = args.FirstOrDefault(a => a.StartsWith('+'))?[1..] ?? "%a %b %e %H:%M:%S %Z %Y";
        var utc = now.UtcDateTime;
        var output = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { output.Append(format[i]); continue; }
            output.Append(format[++i] switch
            {
                'a' => utc.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => utc.ToString("dddd", CultureInfo.InvariantCulture),
                'b' or 'h' => utc.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => utc.ToString("MMMM", CultureInfo.InvariantCulture),
                'd' => utc.ToString("dd", CultureInfo.InvariantCulture),
                'e' => utc.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'H' => utc.ToString("HH", CultureInfo.InvariantCulture),
                'M' => utc.ToString("mm", CultureInfo.InvariantCulture),
                'S' => utc.ToString("ss", CultureInfo.InvariantCulture),
                'T' => utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                'F' => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                'D' => utc.ToString("MM/dd/yy", CultureInfo.InvariantCulture),
                'm' => utc.ToString("MM", CultureInfo.InvariantCulture),
                'y' => utc.ToString("yy", CultureInfo.InvariantCulture),
                'Y' => utc.Year.ToString(CultureInfo.InvariantCulture),
                's' => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                'N' => ((utc.Ticks % TimeSpan.TicksPerSecond) * 100).ToString("D9", CultureInfo.InvariantCulture),
                'Z' => "UTC",
                'z' => "+0000",
                '%' => "%",
                var other => "%" + other,
            });
        }
        return output.ToString();
    }

    /// <summary><c>sleep 5</c>, <c>sleep 1.5</c>, <c>sleep 2m</c>; null for <c>sleep infinity</c>.</summary>
    public static TimeSpan? SleepDuration(IEnumerable<string> args)
    {
        var total = TimeSpan.Zero;
        foreach (var arg in args)
        {
            if (arg is "inf" or "infinity") return null;
            if (arg.Length == 0) continue;
            var unit = char.IsLetter(arg[^1]) ? arg[^1] : 's';
            var number = char.IsLetter(arg[^1]) ? arg[..^1] : arg;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            total += unit switch
            {
                'm' => TimeSpan.FromMinutes(value),
                'h' => TimeSpan.FromHours(value),
                'd' => TimeSpan.FromDays(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }
        return total;
    }
}
