using System.Globalization;

namespace KubeLab.LoadTest;

/// <summary>A run's figures, written as the Markdown tables docs/performance.md holds.</summary>
public sealed record LoadReport(LoadOptions Options, string Machine, RampResult Baseline, IReadOnlyList<RampResult> Ramps)
{
    private const double MB = 1024 * 1024;
    private static readonly string[] Kinds = [Learner.LessonKind, Learner.SandboxKind, Learner.ConnectKind];

    /// <summary>
    /// The fewest concurrent learners from which on a step's p95 stays past the break threshold (this ramp and every
    /// higher one); null if the last ramp is under it. On a shared machine one ramp can pass it by the noise of others'
    /// work and the next come back under: those are <see cref="Excursions"/>, not the break.
    /// </summary>
    public int? BreakPoint => Ramps.Reverse().TakeWhile(Past).LastOrDefault()?.Learners;

    /// <summary>Ramps under the break point whose p95 passed the threshold all the same.</summary>
    public IReadOnlyList<int> Excursions => Ramps.Where(r => Past(r) && r.Learners < (BreakPoint ?? int.MaxValue)).Select(r => r.Learners).ToList();

    private bool Past(RampResult ramp) => ramp.Steps.P95 > Options.BreakP95Ms;

    public int Errors => Baseline.Errors.Count + Ramps.Sum(r => r.Errors.Count);

    public void Write(TextWriter o)
    {
        o.WriteLine($"{Machine}; {Options.Steps} steps per learner, think {Options.ThinkMin.TotalMilliseconds:0}–{Options.ThinkMax.TotalMilliseconds:0} ms, seed {Options.Seed}");
        o.WriteLine();
        o.WriteLine($"Single learner (baseline, {Baseline.Learners} learners one after another): p50 {Ms(Baseline.Steps.P50)} ms, " +
            $"p95 {Ms(Baseline.Steps.P95)} ms, p99 {Ms(Baseline.Steps.P99)} ms over {Baseline.Steps.Count} steps.");
        o.WriteLine();
        o.WriteLine("| Learners | Sessions held | Steps | Errors | Steps/s | p50 | p95 | p99 | p95 / single | Heap per session | Working set per session | Load average |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Ramps)
            o.WriteLine($"| {r.Learners} | {r.SessionsHeld} | {r.Steps.Count} | {r.Errors.Count} | {r.StepsPerSecond:0.0} | {Ms(r.Steps.P50)} ms | " +
                $"{Ms(r.Steps.P95)} ms | {Ms(r.Steps.P99)} ms | {Ratio(r.Steps.P95, Baseline.Steps.P95)} | {Mb(r.HeapPerSession)} | {Mb(r.WorkingSetPerSession)} | {r.LoadAverage} |");
        o.WriteLine();
        o.WriteLine(BreakPoint is { } at
            ? $"Break point: p95 passes {Options.BreakP95Ms:0} ms at {at} concurrent learners (and stays past it at every higher ramp)."
            : $"Break point: not reached; p95 was under {Options.BreakP95Ms:0} ms at the highest ramp, {Ramps.LastOrDefault()?.Learners ?? 0} learners.");
        if (Excursions.Count > 0)
            o.WriteLine($"Below it, p95 also passed {Options.BreakP95Ms:0} ms at {string.Join(", ", Excursions)} learners, and came back under at a higher ramp.");
        o.WriteLine();
        o.WriteLine("p95 by kind, ms (ratio to the same kind's single-learner p95); opening is the page visit and its session:");
        o.WriteLine();
        o.WriteLine($"| Learners | {string.Join(" | ", Kinds)} | {string.Join(" | ", Kinds.Select(k => "open, " + k.Split(' ')[0]))} |");
        o.WriteLine($"|---:|{string.Concat(Enumerable.Repeat("---:|", Kinds.Length * 2))}");
        foreach (var r in (IEnumerable<RampResult>)[Baseline, .. Ramps])
        {
            var label = r == Baseline ? "1 (baseline)" : r.Learners.ToString(CultureInfo.InvariantCulture);
            o.WriteLine($"| {label} | {string.Join(" | ", Kinds.Select(k => Cell(r.StepsByKind, Baseline.StepsByKind, k)))} | " +
                $"{string.Join(" | ", Kinds.Select(k => Cell(r.OpensByKind, Baseline.OpensByKind, k)))} |");
        }
        var errors = Ramps.SelectMany(r => r.Errors).Concat(Baseline.Errors).ToList();
        if (errors.Count == 0) return;
        o.WriteLine();
        o.WriteLine($"{errors.Count} errors; the first:");
        foreach (var e in errors.Take(10)) o.WriteLine("  " + e);
    }

    private static string Cell(IReadOnlyDictionary<string, Latency> at, IReadOnlyDictionary<string, Latency> single, string kind) =>
        !at.TryGetValue(kind, out var l) ? "–"
        : single.TryGetValue(kind, out var s) ? $"{Ms(l.P95)} ({Ratio(l.P95, s.P95)})" : Ms(l.P95);

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double baseline) => (value / baseline).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Mb(double bytes) => (bytes / MB).ToString("0.00", CultureInfo.InvariantCulture) + " MB";
}
