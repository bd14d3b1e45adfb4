namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// Elapsed time cells. A missing (Go zero) time prints <c>&lt;unknown&gt;</c>. The printers read
/// stored objects, whose metav1.Time has whole seconds and metav1.MicroTime whole microseconds,
/// so times are cut to that precision first.
/// </summary>
internal static class Ages
{
    public static string Since(DateTimeOffset? time, DateTimeOffset now) =>
        IsZero(time) ? "<unknown>" : HumanDuration.Format(now - Truncate(time!.Value, TimeSpan.TicksPerSecond));

    public static string SinceMicro(DateTimeOffset? time, DateTimeOffset now) =>
        IsZero(time) ? "<unknown>" : HumanDuration.Format(now - Truncate(time!.Value, TimeSpan.TicksPerMillisecond / 1000));

    /// <summary>Go's zero time (0001-01-01T00:00:00Z) is how an unset timestamp decodes.</summary>
    public static bool IsZero(DateTimeOffset? time) => time is null || time.Value.UtcTicks == 0;

    private static DateTimeOffset Truncate(DateTimeOffset time, long ticks) =>
        new(time.UtcTicks - time.UtcTicks % ticks, TimeSpan.Zero);
}
