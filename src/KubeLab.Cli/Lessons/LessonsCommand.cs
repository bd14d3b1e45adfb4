using KubeLab.Scenarios.Catalog;

namespace KubeLab.Cli.Lessons;

/// <summary><c>kubelab lessons</c>: the bundled lessons as a table, in course order.</summary>
internal static class LessonsCommand
{
    /// <param name="folder">The lessons folder <see cref="LessonFolder.Find()"/> found, or null.</param>
    public static int Run(IReadOnlyList<string> args, string? folder, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0) throw new UsageException($"'kubelab lessons' takes no arguments, not \"{args[0]}\"");
        if (folder is null)
        {
            stderr.WriteLine($"error: no lessons folder found (looked for {LessonFolder.Describe()})");
            return 1;
        }
        var catalog = LessonCatalog.Load(folder);
        var rows = catalog.Lessons.Select(l => l.Scenario!.Metadata)
            .Select(m => new[] { m.Id, m.Level.ToString().ToLowerInvariant(), m.Minutes.ToString(), m.Title });
        foreach (var line in Columns([["ID", "LEVEL", "MINUTES", "TITLE"], .. rows])) stdout.WriteLine(line);
        foreach (var (file, result) in catalog.Broken)
            stderr.WriteLine($"{file}: does not load ({result.Errors.Count} errors): run 'kubelab validate {file}'");
        return catalog.Broken.Count == 0 ? 0 : 1;
    }

    /// <summary>Columns padded to the widest cell plus three spaces, as kubectl prints tables.</summary>
    private static IEnumerable<string> Columns(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length) + 3).ToArray();
        return rows.Select(r => string.Concat(r.Select((cell, c) => c == r.Length - 1 ? cell : cell.PadRight(widths[c]))));
    }
}
