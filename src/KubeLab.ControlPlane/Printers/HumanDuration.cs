namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// apimachinery's <c>duration.HumanDuration</c>: two or three significant figures, as the AGE
/// column shows them (<c>45s</c>, <c>5m30s</c>, <c>3h</c>, <c>6d2h</c>, <c>2y30d</c>).
/// </summary>
public static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        // Up to two seconds in the future is clock skew, shown as now.
        var seconds = d.Ticks / TimeSpan.TicksPerSecond;
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60 * 2) return $"{seconds}s";

        var minutes = d.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10) return WithRemainder(minutes, "m", seconds % 60, "s");
        if (minutes < 60 * 3) return $"{minutes}m";

        var hours = d.Ticks / TimeSpan.TicksPerHour;
        if (hours < 8) return WithRemainder(hours, "h", minutes % 60, "m");
        if (hours < 48) return $"{hours}h";
        if (hours < 24 * 8) return WithRemainder(hours / 24, "d", hours % 24, "h");
        if (hours < 24 * 365 * 2) return $"{hours / 24}d";
        if (hours < 24 * 365 * 8) return WithRemainder(hours / 24 / 365, "y", hours / 24 % 365, "d");
        return $"{hours / 24 / 365}y";
    }

    private static string WithRemainder(long value, string unit, long remainder, string remainderUnit) =>
        remainder == 0 ? $"{value}{unit}" : $"{value}{unit}{remainder}{remainderUnit}";
}
