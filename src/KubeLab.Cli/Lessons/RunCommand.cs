using KubeLab.Scenarios.Catalog;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts.Rendering;

namespace KubeLab.Cli.Lessons;

/// <summary>
/// <c>kubelab run LESSON [--format text|json]</c>: runs a lesson (a path or a bundled id) on a fresh
/// simulated cluster and prints its transcript; exit 1 when a step fails, as CI expects.
/// </summary>
internal static class RunCommand
{
    public const string Usage = "kubelab run LESSON [--format text|json]";

    public static async Task<int> Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool color)
    {
        string? lesson = null;
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--format")
            {
                format = ++i < args.Count && args[i] is "text" or "json" ? args[i] : throw new UsageException($"--format takes text or json ({Usage})");
                continue;
            }
            if (lesson is not null || args[i].StartsWith('-')) throw new UsageException($"unexpected argument \"{args[i]}\" ({Usage})");
            lesson = args[i];
        }
        if (lesson is null) throw new UsageException($"which lesson? ({Usage})");

        var path = LessonCatalog.Resolve(lesson, LessonFolder.Find());
        if (path is null)
        {
            stderr.WriteLine($"error: no lesson file or bundled lesson named \"{lesson}\" (see 'kubelab lessons')");
            return 1;
        }
        var loaded = ScenarioLoader.LoadFile(path);
        if (loaded.Scenario is null)
        {
            foreach (var error in loaded.Errors) stderr.WriteLine(error);
            return 1;
        }
        var transcript = await new ScenarioRunner(EmulatedClients.Create()).RunAsync(loaded.Scenario);
        stdout.Write(format == "json" ? TranscriptJson.Render(transcript) : TranscriptText.Render(transcript, color));
        return transcript.Passed ? 0 : 1;
    }
}
