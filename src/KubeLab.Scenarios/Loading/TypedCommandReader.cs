using System.Text.RegularExpressions;
using KubeLab.Scenarios.Kubectl;
using KubeLab.Scenarios.Kubectl.Commands;
using KubeLab.Scenarios.Kubectl.Commands.Get;
using KubeLab.Scenarios.Kubectl.Commands.Logs;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Validation;
using KubeLab.Scenarios.Validation.Commands;
using YamlDotNet.Core;

namespace KubeLab.Scenarios.Loading;

/// <summary>A line typed in a terminal, read as a step's action, or why it cannot run (never both; neither for a blank line).</summary>
/// <param name="Streams">The command streams until Ctrl-C (<c>get -w</c>, <c>logs -f</c>, a curl of <c>?watch=1</c>).</param>
public sealed record TypedCommand(StepAction? Action, IReadOnlyList<LessonError> Errors, bool Streams = false);

/// <summary>
/// Reads a command line as a learner types it in a terminal (the site's sandbox): <c>kubectl …</c> or <c>curl …</c>.
/// It is checked exactly as a lesson's <c>kubectl:</c> and <c>curl:</c> lines are, against what the lesson has set up
/// (its files, its users' certificates), so a command the emulators cannot show is refused with the message a lesson
/// author gets, positioned at the word on the line.
/// </summary>
public static partial class TypedCommandReader
{
    /// <summary>What errors name as their file: the line was typed, not read from a lesson.</summary>
    public const string Source = "terminal";

    public static TypedCommand Read(string line, Scenario scenario)
    {
        var errors = new List<LessonError>();
        var start = line.Length - line.TrimStart().Length;
        var text = line.Trim();
        if (text.Length == 0) return new TypedCommand(null, []);
        var context = new LoadContext(Source, scenario.Folder, line, errors);
        if (text.Contains('\n') || text.Contains('\r'))
        {
            context.Error(new SourcePosition(1, start + 1), "type one command on one line");
            return new TypedCommand(null, errors);
        }
        var program = text.Split(' ', '\t')[0];
        var state = State(scenario);
        StepAction? action = null;
        var streams = false;
        if (program == "kubectl")
        {
            // The checker reads the arguments, as a lesson's 'kubectl:' holds them; positions still count from the line's start.
            var rest = text[program.Length..];
            var argumentsAt = start + program.Length + (rest.Length - rest.TrimStart().Length);
            var arguments = Scalar(rest.Trim(), argumentsAt);
            VariableChecker.Check(context, arguments, state);
            if (new KubectlCommandChecker(context, arguments, state).Check(background: null) is { } args && errors.Count == 0)
            {
                action = new KubectlAction(arguments.Value, args, arguments.At);
                streams = Streams(args);
            }
        }
        else if (program == "curl")
        {
            var command = Scalar(text, start);
            VariableChecker.Check(context, command, state);
            if (new CurlCommandChecker(context, command, state).Check() is { } args && errors.Count == 0)
            {
                action = new CurlAction(command.Value, args, command.At);
                streams = args.Any(a => !a.StartsWith('-') && WatchQuery().IsMatch(a));
            }
        }
        else context.Error(new SourcePosition(1, start + 1), $"'{Shorten(program)}' is not a command here: type a kubectl or a curl command");
        return new TypedCommand(action, errors, streams);
    }

    /// <summary>Whether a kubectl line streams until Ctrl-C: <c>get -w</c>/<c>--watch-only</c>, <c>logs -f</c>.</summary>
    private static bool Streams(IReadOnlyList<string> args)
    {
        var (path, rest) = CommandTree.Find(KubectlCommand.Root, args);
        FlagValues flags;
        try
        {
            flags = FlagParser.Parse(CommandTree.FlagsOf(path), rest);
        }
        catch (FlagException)
        {
            return false; // kubectl says what is wrong with its flags itself
        }
        string[] streaming = path[^1] switch
        {
            GetCommand => ["watch", "watch-only"],
            LogsCommand => ["follow"],
            _ => [],
        };
        return streaming.Any(flags.Bool);
    }

    [GeneratedRegex(@"[?&]watch=(true|1)(&|$)")]
    private static partial Regex WatchQuery();

    /// <summary>The line's text from <paramref name="index"/> as if it were a lesson's plain scalar on line 1.</summary>
    private static YamlScalar Scalar(string value, int index) =>
        new(value, ScalarStyle.Plain, new Mark(index, 1, index + 1), new Mark(index + value.Length, 1, index + value.Length + 1));

    /// <summary>What the lesson's steps may use from its start: its files and its users' certificates.</summary>
    private static LessonState State(Scenario scenario)
    {
        var state = new LessonState();
        state.WorkspaceFiles.UnionWith(scenario.Files.Select(f => f.Name));
        foreach (var user in scenario.Cluster.Users.Where(u => u.Certificate)) state.AddCertificateUser(user.Name);
        return state;
    }

    private static string Shorten(string word) => word.Length <= 40 ? word : word[..37] + "...";
}
