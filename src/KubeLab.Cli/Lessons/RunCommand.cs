using KubeLab.Cli.Terminal;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Scenarios.Transcripts.Rendering;

namespace KubeLab.Cli.Lessons;

/// <summary>
/// <c>kubelab run LESSON [--format text|json|markdown]</c>: runs a lesson (a path or a bundled id) on a fresh
/// simulated cluster and prints its transcript; exit 1 when a step fails, as CI expects. A progress line per
/// step goes to <paramref name="progress"/> (stderr on a terminal) while it runs.
/// </summary>
internal static class RunCommand
{
    public const string Usage = "kubelab run LESSON [--format text|json|markdown]";

    private static readonly string[] Formats = ["text", "json", "markdown"];

    public static async Task<int> Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool color, StepProgress? progress = null)
    {
        string? lesson = null;
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--format")
            {
                format = ++i < args.Count && Formats.Contains(args[i]) ? args[i] : throw new UsageException($"--format takes text, json or markdown ({Usage})");
                continue;
            }
            if (lesson is not null || args[i].StartsWith('-')) throw new UsageException($"unexpected argument \"{args[i]}\" ({Usage})");
            lesson = args[i];
        }
        if (lesson is null) throw new UsageException($"which lesson? ({Usage})");

        var scenario = LessonArgument.Load(lesson, stderr);
        if (scenario is null) return 1;
        var runner = new ScenarioRunner(EmulatedClients.Create());
        if (progress is not null)
        {
            runner.StepStarting += progress.Starting;
            runner.StepFinished += progress.Finished;
        }
        var transcript = await runner.RunAsync(scenario);
        stdout.Write(Render(transcript, format, color));
        return transcript.Passed ? 0 : 1;
    }

    private static string Render(Transcript transcript, string format, bool color) => format switch
    {
        "json" => TranscriptJson.Render(transcript),
        "markdown" => TranscriptMarkdown.Render(transcript),
        _ => TranscriptText.Render(transcript, color),
    };
}
