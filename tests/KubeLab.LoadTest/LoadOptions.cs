namespace KubeLab.LoadTest;

/// <summary>What a load run does; <see cref="Parse"/> reads the command line (<see cref="Usage"/>).</summary>
/// <param name="Levels">Concurrent learners at each ramp, in order.</param>
/// <param name="BaselineLearners">Learners run one after another for the single-learner baseline (the same mix).</param>
/// <param name="Steps">Steps each learner takes after opening its session (a lesson's are capped by its length).</param>
/// <param name="ThinkMin">Shortest pause before a step (and spread of arrivals at a ramp).</param>
/// <param name="Lessons">Lesson ids learners are given, in turn.</param>
/// <param name="SandboxShare">Share of learners typing commands in the sandbox.</param>
/// <param name="ConnectShare">Share of learners whose own kubectl reaches their cluster through the connect endpoint.</param>
/// <param name="ArrivalsPerSecond">How fast a ramp's learners arrive (over one think time at least).</param>
/// <param name="GiveUpMs">A ramp whose p95 passes this ends the run: the site is past any use, higher ramps say nothing more.</param>
public sealed record LoadOptions(
    IReadOnlyList<int> Levels,
    int BaselineLearners,
    int Steps,
    TimeSpan ThinkMin,
    TimeSpan ThinkMax,
    int Seed,
    IReadOnlyList<string> Lessons,
    double SandboxShare,
    double ConnectShare,
    double ArrivalsPerSecond = 10,
    double BreakP95Ms = 100,
    double GiveUpMs = 5_000)
{
    public const string Usage = """
        dotnet run -c Release --project tests/KubeLab.LoadTest -- [options]
          --max-learners N  ramps of 10, 25, 50, 100, 200, 400, 800… concurrent learners up to N (default 400)
          --levels A,B,…    these ramps instead
          --steps N         steps each learner takes (default 6)
          --think A-B       pause before each step, in ms, seeded uniform (default 1000-3000)
          --baseline N      learners run one at a time for the single-learner baseline (default 20)
          --lessons A,B     lessons learners step through, in turn (default: the short bundled lessons, see docs/performance.md)
          --sandbox F       share of learners in the sandbox (default 0.2)
          --connect F       share of learners using their own kubectl through the connect endpoint (default 0.2)
          --arrivals N      learners arriving per second at a ramp, over one think time at least (default 10)
          --seed N          seed of arrivals and think times (default 1)
          --short           the CI form: one ramp of 5 learners, 2 steps, 10-30 ms think, 4 baseline learners
        """;

    /// <summary>Lessons whose steps are a kubectl call or two (the heavy rollout lesson would be the whole p95 alone).</summary>
    public static readonly IReadOnlyList<string> DefaultLessons =
    [
        "pods-on-the-wire", "what-happens-on-kubectl-get-pods", "anatomy-of-a-request", "namespaces-are-virtual-clusters",
        "rbac-from-zero", "logs-are-a-subresource",
    ];

    /// <summary>A few seconds: what CI runs to prove the machinery, not to measure.</summary>
    public static LoadOptions Short { get; } = new([5], 4, 2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30), 1, DefaultLessons, 0.2, 0.2);

    public static LoadOptions Parse(string[] args)
    {
        if (args.Contains("--short")) return Short;
        var max = Number(args, "--max-learners") ?? 400;
        IReadOnlyList<int> levels = Value(args, "--levels") is { } list
            ? list.Split(',').Select(l => Positive("--levels", l)).ToList()
            : Ramps(max);
        var think = Value(args, "--think")?.Split('-') ?? ["1000", "3000"];
        if (think.Length != 2) throw new ArgumentException($"--think takes A-B in ms\n{Usage}");
        return new LoadOptions(
            levels,
            Number(args, "--baseline") ?? 20,
            Number(args, "--steps") ?? 6,
            TimeSpan.FromMilliseconds(Positive("--think", think[0])),
            TimeSpan.FromMilliseconds(Positive("--think", think[1])),
            Number(args, "--seed") ?? 1,
            Value(args, "--lessons")?.Split(',') ?? DefaultLessons,
            Share(args, "--sandbox") ?? 0.2,
            Share(args, "--connect") ?? 0.2,
            Number(args, "--arrivals") ?? 10);
    }

    /// <summary>10, 25, 50, then doubling from 100, up to <paramref name="max"/> (which ends the list if not on it).</summary>
    public static IReadOnlyList<int> Ramps(int max)
    {
        var levels = new List<int>();
        foreach (var level in Steps())
        {
            if (level >= max) break;
            levels.Add(level);
        }
        levels.Add(max);
        return levels;

        static IEnumerable<int> Steps()
        {
            yield return 10;
            yield return 25;
            yield return 50;
            for (var n = 100; ; n *= 2) yield return n;
        }
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? Number(string[] args, string name) => Value(args, name) is { } text ? Positive(name, text) : null;

    private static int Positive(string name, string text) =>
        int.TryParse(text, out var n) && n > 0 ? n : throw new ArgumentException($"{name} takes positive numbers, not \"{text}\"\n{Usage}");

    private static double? Share(string[] args, string name) => Value(args, name) is { } text
        ? double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 1
            ? f : throw new ArgumentException($"{name} takes a share from 0 to 1, not \"{text}\"\n{Usage}")
        : null;
}
