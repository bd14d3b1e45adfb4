using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// Checks a <c>kubectl:</c> line: a supported command and subcommand (with a suggestion for
/// typos), files it reads that will exist, and a proxy that is given a terminal to run in.
/// </summary>
internal sealed class KubectlCommandChecker(LoadContext context, YamlScalar line, LessonState state)
{
    public List<string>? Check(string? background)
    {
        var words = CommandTokenizer.Split(line.Value, out var error);
        if (error is { } e) return Fail(e.Offset, e.Message);
        if (words.Count == 0) return Fail(0, "the kubectl command is empty");
        if (words[0].Text == "kubectl") return Fail(0, "write only the arguments: the key 'kubectl' already names the program");
        var positional = words.Where((w, i) => !w.IsOption && !TakesValue(words, i - 1)).ToList();
        if (positional.Count == 0) return Fail(0, $"no kubectl command (one of {string.Join(", ", KubectlCommands.Commands.Keys)})");
        var command = positional[0];
        if (!KubectlCommands.Commands.TryGetValue(command.Text, out var subcommands))
            return Fail(command.Offset, $"unknown command '{command.Text}'{Known(command.Text, KubectlCommands.Commands.Keys, "kubectl commands")}");
        var valid = Subcommand(command, positional.Skip(1).ToList(), subcommands, words);
        valid &= Files(words, command.Text);
        valid &= Proxy(words, command.Text, background);
        return valid ? words.Select(w => w.Text).ToList() : null;
    }

    private bool Subcommand(CommandWord command, List<CommandWord> rest, string[]? subcommands, List<CommandWord> words)
    {
        if (subcommands is null || (command.Text == "create" && words.Any(w => w.Text is "-f" or "--filename" || w.Text.StartsWith("--filename="))))
            return true;
        if (rest.Count == 0) return Reject(command.Offset + command.Text.Length, $"'{command.Text}' needs one of: {string.Join(", ", subcommands)}");
        var sub = rest[0];
        var name = KubectlCommands.Aliases.GetValueOrDefault(sub.Text, sub.Text);
        if (!subcommands.Contains(name))
            return Reject(sub.Offset, $"unknown '{command.Text}' subcommand '{sub.Text}'{Known(sub.Text, subcommands, $"'{command.Text}' subcommands")}");
        if (name == "secret" && (rest.Count < 2 || !KubectlCommands.SecretTypes.Contains(rest[1].Text)))
            return Reject(rest.Count < 2 ? sub.Offset : rest[1].Offset, "only 'create secret generic' is supported");
        return true;
    }

    private bool Files(List<CommandWord> words, string command)
    {
        var valid = true;
        for (var i = 0; i < words.Count; i++)
        {
            var (option, value, offset) = Split(words, i);
            // For logs, -f is --follow; everywhere else it names a file.
            if (!KubectlCommands.FileOptions.Contains(option) || (command == "logs" && option == "-f")) continue;
            if (value is null) valid = Reject(words[i].Offset, $"'{option}' needs a file name");
            else if (value == "-") valid = Reject(offset, "reading from stdin is not supported: put the content in 'files'");
            else valid &= FileExists(value, offset);
        }
        return valid;
    }

    private bool Proxy(List<CommandWord> words, string command, string? background)
    {
        if (command != "proxy") return true;
        if (background is null)
            return Reject(0, "kubectl proxy runs until stopped: give this step 'background: NAME' and stop it later with 'stop: NAME'");
        var port = 8001;
        for (var i = 0; i < words.Count; i++)
        {
            var (option, value, offset) = Split(words, i);
            if (option is not ("--port" or "-p")) continue;
            if (!int.TryParse(value, out port) || port is < 1 or > 65535) return Reject(offset, $"'{option}' needs a port number");
        }
        state.Terminals[background] = port;
        return true;
    }

    private bool FileExists(string file, int offset) =>
        LearnerFiles.Missing(context, state, file) is not { } problem || Reject(offset, problem);

    /// <summary>An option at word i as (name, value, offset of the value), for both <c>--opt=v</c> and <c>--opt v</c>.</summary>
    internal static (string Option, string? Value, int Offset) Split(List<CommandWord> words, int i)
    {
        var word = words[i];
        if (!word.IsOption) return ("", null, word.Offset);
        var eq = word.Text.IndexOf('=');
        if (eq > 0) return (word.Text[..eq], word.Text[(eq + 1)..], word.Offset + eq + 1);
        return i + 1 < words.Count ? (word.Text, words[i + 1].Text, words[i + 1].Offset) : (word.Text, null, word.Offset);
    }

    private static bool TakesValue(List<CommandWord> words, int i) =>
        i >= 0 && words[i].IsOption && !words[i].Text.Contains('=') && KubectlCommands.OptionsWithValue.Contains(words[i].Text);

    private static string Known(string word, IEnumerable<string> names, string what)
    {
        var suggestion = Suggestions.DidYouMean(word, names);
        return suggestion.Length > 0 ? suggestion : $" ({what}: {string.Join(", ", names)})";
    }

    private List<string>? Fail(int offset, string message)
    {
        context.Error(line, offset, message);
        return null;
    }

    private bool Reject(int offset, string message)
    {
        context.Error(line, offset, message);
        return false;
    }
}
