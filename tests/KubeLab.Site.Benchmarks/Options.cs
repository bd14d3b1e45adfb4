namespace KubeLab.Site.Benchmarks;

/// <summary>What to measure; see <see cref="Usage"/>.</summary>
internal sealed record Options(int Sessions, int Sandboxes, int Repeat, int Clicks, int Commands, int BackgroundStep, int Batch, IReadOnlyList<string> Lessons)
{
    public const string Usage = """
        dotnet run -c Release --project tests/KubeLab.Site.Benchmarks -- [options]
          --sessions N     learner sessions held open while measuring again (default 100)
          --sandboxes N    how many of them are sandboxes that ran a command; the rest are lessons (default sessions/5)
          --repeat N       runs through each timed lesson, alone and loaded (default 3)
          --lessons A,B    the lessons whose steps are timed (default pods-on-the-wire,deployments-and-garbage-collection)
          --quick          a smoke run: 3 sessions, one run through pods-on-the-wire, few clicks
        """;

    public static Options Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var sessions = Number(args, "--sessions") ?? (quick ? 3 : 100);
        return new Options(
            Sessions: sessions,
            Sandboxes: Number(args, "--sandboxes") ?? sessions / 5,
            Repeat: Number(args, "--repeat") ?? (quick ? 1 : 3),
            Clicks: quick ? 6 : 30,
            Commands: quick ? 3 : 10,
            BackgroundStep: 3,
            Batch: 10,
            Lessons: Value(args, "--lessons")?.Split(',') ?? (quick ? ["pods-on-the-wire"] : ["pods-on-the-wire", "deployments-and-garbage-collection"]));
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? Number(string[] args, string name) => Value(args, name) is { } text
        ? int.TryParse(text, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} takes a number, not \"{text}\"\n{Usage}")
        : null;
}
