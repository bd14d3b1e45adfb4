using KubeLab.ControlPlane.Controllers.Kubelet.Programs;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>
/// One container instance's log, as the node's runtime keeps it: everything the program wrote from its
/// start until now, or until it ended (with what it printed on its stop signal, if that is why it ended).
/// </summary>
public sealed record LogSource(ContainerProgram Program, ProgramContext Context, DateTimeOffset? FinishedAt, DateTimeOffset? SignalAt)
{
    /// <summary>The kubelet rotates container logs; the simulator keeps at most this many lines of one instance.</summary>
    private const int RetainedLines = 50_000;

    /// <summary>Lines written up to <paramref name="until"/>, each with the instant it was written.</summary>
    public List<(DateTimeOffset At, string Text)> Read(DateTimeOffset until)
    {
        var end = FinishedAt is { } finished && finished < until ? finished : until;
        var quiet = SignalAt is { } signal && signal < end ? signal : end;
        var lines = new Queue<(DateTimeOffset, string)>();
        foreach (var line in Program.Output(Context))
        {
            var at = Context.StartedAt + line.At;
            if (at > quiet) break;
            lines.Enqueue((at, line.Text));
            if (lines.Count > RetainedLines) lines.Dequeue();
        }
        if (SignalAt is { } stopAt && stopAt <= end && Program.OnStop(Context, stopAt) is { } reaction)
            foreach (var text in reaction.Lines) lines.Enqueue((stopAt, text + "\n"));
        return [.. lines];
    }

    /// <summary>When the next line after <paramref name="after"/> is written, if the instance is still going to write one.</summary>
    public DateTimeOffset? NextLineAfter(DateTimeOffset after)
    {
        var steps = 0;
        foreach (var line in Program.Output(Context))
        {
            var at = Context.StartedAt + line.At;
            if (FinishedAt is { } finished && at > finished) return null;
            if (SignalAt is { } signal && at > signal) return null;
            if (at > after) return at;
            if (++steps > 1_000_000) return null;
        }
        return null;
    }
}
