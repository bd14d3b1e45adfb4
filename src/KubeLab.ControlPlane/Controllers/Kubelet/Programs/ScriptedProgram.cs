namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>
/// A well-known image's main process described as data: its start-up lines, an optional endless stream of
/// traffic it logs, whether it exits by itself, and what it prints and returns when asked to stop.
/// </summary>
public sealed class ScriptedProgram(
    Func<ProgramContext, IEnumerable<LogLine>> startup,
    Func<ProgramContext, IEnumerable<LogLine>>? traffic = null,
    Func<ProgramContext, (TimeSpan, int)?>? exit = null,
    Func<ProgramContext, DateTimeOffset, StopReaction?>? stop = null) : ContainerProgram
{
    public override IEnumerable<LogLine> Output(ProgramContext context)
    {
        var end = Exit(context)?.After;
        foreach (var line in startup(context))
        {
            if (line.At > end) yield break;
            yield return line;
        }
        if (traffic is null || end is not null) yield break;
        foreach (var line in traffic(context)) yield return line;
    }

    public override (TimeSpan After, int ExitCode)? Exit(ProgramContext context) => exit?.Invoke(context);

    public override StopReaction? OnStop(ProgramContext context, DateTimeOffset at) =>
        stop is null ? base.OnStop(context, at) : stop(context, at);

    /// <summary>Lines a few milliseconds apart from <paramref name="start"/>, as a process prints them while starting.</summary>
    public static IEnumerable<LogLine> Lines(TimeSpan start, TimeSpan step, IEnumerable<string> texts)
    {
        var at = start;
        foreach (var text in texts)
        {
            yield return new LogLine(at, text + "\n");
            at += step;
        }
    }
}

/// <summary>
/// Requests a web server logs over time: a deterministic schedule seeded by the pod, from the node's
/// gateway address, mostly <c>GET /</c> with the odd favicon miss.
/// </summary>
public static class SimulatedTraffic
{
    private static readonly string[] Agents =
    [
        "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Wget/1.21.4",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    ];

    public sealed record Request(TimeSpan At, int Number, string Client, string Path, string Agent);

    public static IEnumerable<Request> Schedule(ProgramContext context, TimeSpan firstAfter)
    {
        var random = new Random(context.Seed);
        var client = Gateway(context.PodIp);
        var at = firstAfter + TimeSpan.FromSeconds(random.Next(5, 25));
        for (var n = 1; ; n++)
        {
            var path = random.Next(8) == 0 ? "/favicon.ico" : "/";
            yield return new Request(at + TimeSpan.FromMilliseconds(random.Next(1000)), n, client, path, Agents[random.Next(Agents.Length)]);
            at += TimeSpan.FromSeconds(random.Next(15, 75));
        }
    }

    /// <summary>The .1 of the pod's /24: where traffic through the node's bridge appears to come from.</summary>
    public static string Gateway(string? podIp)
    {
        if (podIp is null || podIp.LastIndexOf('.') is var dot && dot < 0) return "10.244.0.1";
        return podIp[..dot] + ".1";
    }
}
