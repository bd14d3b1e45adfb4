using KubeLab.Cli.Lessons;
using KubeLab.Cli.Serve;
using KubeLab.Cli.Terminal;
using KubeLab.Scenarios.Catalog;

namespace KubeLab.Cli;

/// <summary>The <c>kubelab</c> commands and their options.</summary>
internal static class CommandLine
{
    private const string Help = """
        kubelab: an educational Kubernetes API server that shows every request on the wire

        usage:
          kubelab serve [--port N] [--kubeconfig PATH] [--http] [--user NAME[:GROUP,...]]...
                        [--lesson LESSON [--workdir DIR]] [--record FILE.har [--record-clients-only]]
              serve a simulated cluster on 127.0.0.1 (default port 6443) and write a kubeconfig
              for it (default ./kubelab.kubeconfig); --http serves plain HTTP (no credentials sent);
              each --user adds a context NAME whose client certificate says CN=NAME, O=GROUP
              --lesson: start where a lesson (a file, or a bundled lesson's id) starts: its objects,
              users and kubeconfig contexts; its files (and ca.crt, NAME.crt, NAME.key) are written to
              --workdir, by default a folder named after the lesson beside the kubeconfig
              --record: write every exchange to a HAR 1.2 file as it completes (complete on exit);
              the cluster's own components are marked "_component" in their entries, or left out
              with --record-clients-only
          kubelab validate PATH...
              check lesson files, or every lesson in folders; errors as FILE (LINE,COL): MESSAGE
          kubelab run LESSON [--format text|json|markdown]
              run a lesson (a file, or a bundled lesson's id) on a fresh simulated cluster and print
              its transcript: narration, commands and output, requests, changes, checks; markdown
              has each request and response in full; exit 1 if a check fails
          kubelab export LESSON --har FILE | --pcap FILE | --html FILE
              run a lesson and write the exchanges its steps made as a HAR 1.2 archive (browser
              devtools import it), a pcap capture (Wireshark: Decode As HTTP on port 6443) or an
              HTML page
          kubelab lessons
              list the bundled lessons ($KUBELAB_SCENARIOS, else the nearest scenarios/ folder
              holding lesson.schema.json above the current directory, then above the executable)
        """;

    public static async Task<int> Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Help);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            return args[0] switch
            {
                "serve" => await ServeCommand.Run(ParseServe(args[1..])),
                "validate" => ValidateCommand.Run(args[1..], Console.Out, Console.Error),
                "lessons" => LessonsCommand.Run(args[1..], LessonFolder.Find(), Console.Out, Console.Error),
                "run" => await RunCommand.Run(args[1..], Console.Out, Console.Error, ConsoleTerminal.StdoutColor, ConsoleTerminal.Progress()),
                "export" => await ExportCommand.Run(args[1..], Console.Out, Console.Error),
                _ => throw new UsageException($"unknown command \"{args[0]}\""),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("run 'kubelab --help' for usage");
            return 2;
        }
    }

    private static ServeOptions ParseServe(string[] args)
    {
        var options = new ServeOptions(6443, "kubelab.kubeconfig", false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--port" => options with { Port = Port(Value(args, ref i)) },
                "--kubeconfig" => options with { Kubeconfig = Value(args, ref i) },
                "--http" => options with { Http = true },
                "--user" => options with { Users = [.. options.Users, UserSpec(Value(args, ref i))] },
                "--record" => options with { Record = Value(args, ref i) },
                "--record-clients-only" => options with { RecordClientsOnly = true },
                "--lesson" => options with { Lesson = Value(args, ref i) },
                "--workdir" => options with { Workdir = Value(args, ref i) },
                var other => throw new UsageException($"unknown option \"{other}\" ({ServeCommand.Usage})"),
            };
        }
        if (options.RecordClientsOnly && options.Record is null) throw new UsageException("--record-clients-only needs --record FILE.har");
        if (options.Workdir is not null && options.Lesson is null) throw new UsageException("--workdir is where a lesson's files go: it needs --lesson");
        if (options.Lesson is not null && options.Http)
            throw new UsageException("--lesson needs HTTPS: over --http kubectl sends none of the lesson users' credentials");
        return options;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new UsageException($"option {args[i - 1]} needs a value");

    private static string UserSpec(string text) =>
        text.Length > 0 && !text.StartsWith(':') ? text : throw new UsageException($"invalid user \"{text}\" (expected NAME or NAME:GROUP,GROUP)");

    private static int Port(string text) =>
        int.TryParse(text, out var port) && port is > 0 and < 65536 ? port : throw new UsageException($"invalid port \"{text}\"");
}

internal sealed class UsageException(string message) : Exception(message);
