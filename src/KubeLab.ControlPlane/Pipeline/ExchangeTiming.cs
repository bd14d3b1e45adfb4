namespace KubeLab.ControlPlane.Pipeline;

/// <summary>
/// Real time measured by the server around one exchange, from the request's arrival at the recorder: until the
/// response started (status line and headers sent, what kubectl -v=6 reports as "in 12 milliseconds", less the
/// network) and until it ended (for a watch or a followed log: how long the stream stayed open). Wall-clock
/// durations, so they differ from run to run: never part of a transcript's deterministic record.
/// </summary>
/// <param name="UntilResponse">Null until the response starts.</param>
/// <param name="UntilEnd">Null while the response is still being written.</param>
public sealed record ExchangeTiming(TimeSpan? UntilResponse, TimeSpan? UntilEnd)
{
    public static readonly ExchangeTiming Unmeasured = new(null, null);
}
