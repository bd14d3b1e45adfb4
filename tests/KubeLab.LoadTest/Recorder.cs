using System.Diagnostics;
using KubeLab.Site.Benchmarks;

namespace KubeLab.LoadTest;

/// <summary>What the learners of one ramp did: step and open latencies by kind, errors, and when steps began and ended.</summary>
internal sealed class Recorder
{
    private readonly Lock _sync = new();
    private readonly Samples _steps = new();
    private readonly Dictionary<string, Samples> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Samples> _opens = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private long _firstStep = long.MaxValue;
    private long _lastStep;

    /// <summary>Times <paramref name="open"/>; false (and the error noted) if it failed.</summary>
    public Task<bool> OpenAsync(Learner learner, Func<Task> open) => TimeAsync(learner, "open", open, (ms, _, _) => Of(_opens, learner.Kind).Add(ms));

    public Task<bool> StepAsync(Learner learner, int step, Func<Task> run) => TimeAsync(learner, $"step {step}", run, (ms, start, end) =>
    {
        _steps.Add(ms);
        Of(_byKind, learner.Kind).Add(ms);
        _firstStep = Math.Min(_firstStep, start);
        _lastStep = Math.Max(_lastStep, end);
    });

    private async Task<bool> TimeAsync(Learner learner, string what, Func<Task> work, Action<double, long, long> record)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await work();
        }
        catch (Exception e)
        {
            // The innermost cause too: "the SSL connection could not be established" says nothing of why.
            var cause = e.GetBaseException() is var inner && inner != e ? $" ({inner.GetType().Name}: {inner.Message})" : "";
            lock (_sync) _errors.Add($"{learner.Kind}, {what}: {e.GetType().Name}: {e.Message}{cause}");
            return false;
        }
        var end = Stopwatch.GetTimestamp();
        lock (_sync) record(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, start, end);
        return true;
    }

    public Latency Steps
    {
        get { lock (_sync) return Latency.Of(_steps); }
    }

    public IReadOnlyDictionary<string, Latency> StepsByKind
    {
        get { lock (_sync) return _byKind.ToDictionary(k => k.Key, k => Latency.Of(k.Value)); }
    }

    public IReadOnlyDictionary<string, Latency> OpensByKind
    {
        get { lock (_sync) return _opens.ToDictionary(k => k.Key, k => Latency.Of(k.Value)); }
    }

    public IReadOnlyList<string> Errors
    {
        get { lock (_sync) return [.. _errors]; }
    }

    /// <summary>Steps that succeeded per second, from the first step's start to the last one's end.</summary>
    public double StepsPerSecond
    {
        get
        {
            lock (_sync)
                return _steps.Count == 0 ? 0 : _steps.Count / Math.Max(Stopwatch.GetElapsedTime(_firstStep, _lastStep).TotalSeconds, 1e-3);
        }
    }

    private static Samples Of(Dictionary<string, Samples> samples, string kind) =>
        samples.TryGetValue(kind, out var s) ? s : samples[kind] = new Samples();
}

/// <summary>Latency percentiles (nearest rank), in milliseconds.</summary>
public sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    internal static Latency Of(Samples s) => new(s.Count, s.Percentile(50), s.Percentile(95), s.Percentile(99), s.Percentile(100));
}
