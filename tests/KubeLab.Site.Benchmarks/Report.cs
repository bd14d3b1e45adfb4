using System.Globalization;

namespace KubeLab.Site.Benchmarks;

/// <summary>A run's figures, written as the Markdown tables docs/benchmarks.md holds.</summary>
internal sealed record Report(
    Options Options,
    IReadOnlyDictionary<string, Samples> Alone,
    IReadOnlyDictionary<string, Samples> Loaded,
    Memory Before,
    Memory WithLessons,
    Memory WithAll,
    TimeSpan CircuitsClosed,
    Memory After,
    TimeSpan Returned,
    TimeSpan LessonsOpened,
    TimeSpan SandboxesOpened)
{
    private const double MB = 1024 * 1024;

    private int LessonSessions => Options.Sessions - Options.Sandboxes;

    public void Write(TextWriter o)
    {
        var n = Options.Sessions;
        var alone = Alone[SiteBenchmark.Baseline].Median;
        var loaded = Loaded[SiteBenchmark.Baseline].Median;
        o.WriteLine($"Latency, from the event in the page to the outcome in its DOM (ms); {n} sessions open in the second half.");
        o.WriteLine("Ratios of medians: loaded to alone, and each to the catalog click of the same condition.");
        o.WriteLine();
        o.WriteLine($"| Interaction | Samples | Alone median | Alone p95 | With {n} median | With {n} p95 | With {n} / alone | Alone / click | With {n} / click |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, a) in Alone)
        {
            var l = Loaded[name];
            o.WriteLine($"| {name} | {a.Count} | {Ms(a.Median)} | {Ms(a.P95)} | {Ms(l.Median)} | {Ms(l.P95)} | {Ratio(l.Median / a.Median)} | {Ratio(a.Median / alone)} | {Ratio(l.Median / loaded)} |");
        }
        o.WriteLine();
        o.WriteLine("Server memory (this process: the site, and Playwright's client side) and the browser's (PSS of the Playwright driver and Chromium).");
        o.WriteLine();
        o.WriteLine("| Moment | Managed heap | of it, pinned (I/O buffers) | Heap objects | Working set | Browser |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row(o, "Before (no session open)", Before);
        Row(o, $"{LessonSessions} lesson pages open ({Seconds(LessonsOpened)} to open)", WithLessons);
        Row(o, $"and {Options.Sandboxes} sandbox pages ({Seconds(SandboxesOpened)} to open)", WithAll);
        Row(o, $"After every page left (circuits closed in {Seconds(CircuitsClosed)}, heap read until back: {Seconds(Returned)})", After);
        o.WriteLine();
        o.WriteLine("| Per session | Heap objects | Working set | Browser |");
        o.WriteLine("|---|---:|---:|---:|");
        PerSession(o, "Lesson player", Before, WithLessons, LessonSessions);
        PerSession(o, "Sandbox", WithLessons, WithAll, Options.Sandboxes);
        PerSession(o, "Any (all sessions)", Before, WithAll, n);
    }

    private static void Row(TextWriter o, string moment, Memory m) =>
        o.WriteLine($"| {moment} | {Mb(m.Heap)} | {Mb(m.Pinned)} | {Mb(m.Objects)} | {Mb(m.WorkingSet)} | {(m.Browser is { } b ? Mb(b) : "n/a")} |");

    private static void PerSession(TextWriter o, string kind, Memory from, Memory to, int count)
    {
        if (count == 0) return;
        var browser = from.Browser is { } f && to.Browser is { } t ? Mb((t - f) / (double)count) : "n/a";
        o.WriteLine($"| {kind} ({count}) | {Mb((to.Objects - from.Objects) / (double)count)} | {Mb((to.WorkingSet - from.WorkingSet) / (double)count)} | {browser} |");
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Mb(double bytes) => (bytes / MB).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
