namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>A piece of a container's output: text (with its newline when the line is complete) at an offset from the start.</summary>
public readonly record struct LogLine(TimeSpan At, string Text);

/// <summary>How a process reacts to the stop signal: it exits after <see cref="After"/> with <see cref="ExitCode"/>.</summary>
public sealed record StopReaction(TimeSpan After, int ExitCode, IReadOnlyList<string> Lines);

/// <summary>Everything a simulated process can know about where it runs.</summary>
public sealed record ProgramContext(
    string PodName, string Namespace, string PodUid, string? PodIp, string ContainerName, int RestartCount,
    DateTimeOffset StartedAt, IReadOnlyDictionary<string, string> Environment, int Cpus)
{
    /// <summary>A seed that differs per pod, container and restart, for the "random" parts of an output.</summary>
    public int Seed => StableHash.Of($"{PodUid}/{ContainerName}/{RestartCount}");
}

/// <summary>
/// What a container does once started: the lines it writes over time, when (if ever) it exits by itself,
/// and how it reacts to SIGTERM. Every answer is a pure function of the context, so logs can be read at
/// any time, for any past instance, and a replayed lesson prints the same bytes.
/// </summary>
public abstract class ContainerProgram
{
    /// <summary>Output from the start, in time order; may be endless (read it lazily).</summary>
    public abstract IEnumerable<LogLine> Output(ProgramContext context);

    /// <summary>When the process ends by itself, and its exit code; null while it would run until stopped.</summary>
    public abstract (TimeSpan After, int ExitCode)? Exit(ProgramContext context);

    /// <summary>The reaction to SIGTERM (or the image's STOPSIGNAL); null if it ignores it and is killed at the deadline.</summary>
    public virtual StopReaction? OnStop(ProgramContext context, DateTimeOffset at) => new(TimeSpan.FromMilliseconds(120), 0, []);
}

/// <summary>FNV-1a over UTF-16 code units: a hash that, unlike string.GetHashCode, is the same in every process.</summary>
public static class StableHash
{
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
