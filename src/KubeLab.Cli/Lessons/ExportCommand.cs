using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Export.Har;
using KubeLab.Scenarios.Export.Html;
using KubeLab.Scenarios.Export.Pcap;
using KubeLab.Scenarios.Http;
using KubeLab.Scenarios.Running;

namespace KubeLab.Cli.Lessons;

/// <summary>
/// <c>kubelab export LESSON --har FILE | --pcap FILE | --html FILE</c>: runs the lesson and writes the
/// exchanges its steps made (in order) as a HAR archive, a pcap capture or an HTML page; several formats
/// may be asked for at once. Exit 1 when the lesson cannot be run or a step fails (the files are written).
/// </summary>
internal static class ExportCommand
{
    public const string Usage = "kubelab export LESSON --har FILE | --pcap FILE | --html FILE";

    public static async Task<int> Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? lesson = null;
        var outputs = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--har" or "--pcap" or "--html")
            {
                outputs[args[i]] = ++i < args.Count ? args[i] : throw new UsageException($"{args[i - 1]} needs a file ({Usage})");
                continue;
            }
            if (lesson is not null || args[i].StartsWith('-')) throw new UsageException($"unexpected argument \"{args[i]}\" ({Usage})");
            lesson = args[i];
        }
        if (lesson is null) throw new UsageException($"which lesson? ({Usage})");
        if (outputs.Count == 0) throw new UsageException($"which format? ({Usage})");

        var scenario = LessonArgument.Load(lesson, stderr);
        if (scenario is null) return 1;
        var transcript = await new ScenarioRunner(EmulatedClients.Create()).RunAsync(scenario);
        var exchanges = transcript.Steps.SelectMany(s => s.Exchanges).Select(WireExchange.From).ToList();
        foreach (var (format, file) in outputs)
        {
            switch (format)
            {
                case "--har": await File.WriteAllTextAsync(file, HarExporter.Export(exchanges)); break;
                case "--pcap": await File.WriteAllBytesAsync(file, PcapExporter.Export(exchanges)); break;
                default: await File.WriteAllTextAsync(file, HtmlExporter.Export(exchanges, transcript.Title)); break;
            }
            stdout.WriteLine($"{file}: {exchanges.Count} exchanges of \"{transcript.Title}\"");
        }
        if (!transcript.Passed) stderr.WriteLine("warning: some steps of the lesson failed; see 'kubelab run'");
        return transcript.Passed ? 0 : 1;
    }
}
