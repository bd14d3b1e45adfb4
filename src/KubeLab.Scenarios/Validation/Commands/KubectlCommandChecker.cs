using KubeLab.Scenarios.Kubectl;
using KubeLab.Scenarios.Kubectl.Commands;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// Checks a <c>kubectl:</c> line against the emulator's own command tree, found as cobra finds it: a command and
/// subcommand the emulator reproduces (with a suggestion for typos, and a reason for kubectl commands it lacks), files
/// it reads that will exist, and a proxy that is given a terminal to run in. A command outside the tree is an
/// authoring error, not a silent no-op: the runner could not show what real kubectl sends for it.
/// </summary>
internal sealed class KubectlCommandChecker(LoadContext context, YamlScalar line, LessonState state)
{
    /// <summary>Flags whose value is a file the learner has: it must exist when the step runs.</summary>
    private static readonly HashSet<string> FileFlags = ["filename", "kubeconfig", "certificate-authority", "client-certificate", "client-key"];

    public List<string>? Check(string? background)
    {
        var words = CommandTokenizer.Split(line.Value, out var error);
        if (error is { } e) return Fail(e.Offset, e.Message);
        if (words.Count == 0) return Fail(0, "the kubectl command is empty");
        if (words[0].Text == "kubectl") return Fail(0, "write only the arguments: the key 'kubectl' already names the program");
        var texts = words.Select(w => w.Text).ToList();
        var match = CommandTree.Match(KubectlCommand.Root, texts);
        if (!Command(match, words)) return null;
        var flags = CommandTree.FlagsOf(match.Path);
        var valid = Help(words);
        valid &= Unsimulated(words, flags);
        valid &= Files(words, flags);
        valid &= Proxy(words, match, background);
        return valid ? texts : null;
    }

    /// <summary>The command path must end at a command the emulator runs: not a group without its subcommand, nor before an unknown word.</summary>
    private bool Command(CommandMatch match, List<CommandWord> words)
    {
        var path = match.Path;
        var last = path[^1];
        var name = string.Join(' ', path.Select(c => c.Name));
        var offered = last.Subcommands.Select(c => c.Name).ToList();
        if (match.NextWord is not { } index)
        {
            if (!last.NeedsSubcommand) return true;
            var end = match.CommandWords.Count == 0 ? 0 : words[match.CommandWords[^1]].Offset + words[match.CommandWords[^1]].Text.Length;
            return path.Count == 1
                ? Reject(0, $"no kubectl command (one of {string.Join(", ", offered)})")
                : Reject(end, $"'{Short(name)}' needs one of: {string.Join(", ", offered)}");
        }
        // A word after a command that has subcommands names one it does not have (no such command takes arguments).
        if (offered.Count == 0) return true;
        var word = words[index];
        if (path.Count == 1 && KubectlCatalog.WhyNotSimulated(word.Text) is { } reason) return Reject(word.Offset, reason);
        if (KubectlCatalog.Has(name, word.Text))
            return Reject(word.Offset, path.Count == 1
                ? $"'kubectl {word.Text}' is not simulated (the emulated kubectl has: {string.Join(", ", offered)})"
                : $"'{Short(name)} {word.Text}' is not simulated (the emulated '{Short(name)}' has: {string.Join(", ", offered)})");
        return Reject(word.Offset, path.Count == 1
            ? $"unknown command '{word.Text}'{Known(word.Text, offered, "kubectl commands")}"
            : $"unknown '{Short(name)}' subcommand '{word.Text}'{Known(word.Text, offered, $"'{Short(name)}' subcommands")}");
    }

    /// <summary>kubectl's help is text the emulator does not print.</summary>
    private bool Help(List<CommandWord> words)
    {
        var help = words.FirstOrDefault(w => w.Text is "-h" or "--help");
        return help == default || Reject(help.Offset, "kubectl's help text is not simulated: show the command itself");
    }

    /// <summary>Flags whose effect the emulator does not reproduce (a terminal, an editor, kustomize) are refused with the reason.</summary>
    private bool Unsimulated(List<CommandWord> words, FlagSet flags)
    {
        var valid = true;
        foreach (var word in words.TakeWhile(w => w.Text != "--").Where(w => w.IsOption))
        {
            var (option, value) = word.Text.IndexOf('=') is > 0 and var eq ? (word.Text[..eq], word.Text[(eq + 1)..]) : (word.Text, null);
            // A group of shorthands (-it) names each letter until one that takes a value.
            var named = option.StartsWith("--", StringComparison.Ordinal) ? [flags.Find(option[2..])] : Shorthands(option[1..], flags);
            foreach (var flag in named)
                if (flag?.NotSimulated is { } reason && !(flag.Type == FlagType.Bool && value == "false"))
                    valid = Reject(word.Offset, $"'{(option.StartsWith("--", StringComparison.Ordinal) ? option : "-" + flag.Shorthand)}' is not simulated: {reason}");
        }
        return valid;
    }

    private static List<FlagDefinition?> Shorthands(string letters, FlagSet flags)
    {
        var named = new List<FlagDefinition?>();
        foreach (var letter in letters)
        {
            var flag = flags.Find(letter);
            named.Add(flag);
            if (flag is null || flag.NoOptDefault is null) break;
        }
        return named;
    }

    private bool Files(List<CommandWord> words, FlagSet flags)
    {
        var valid = true;
        for (var i = 0; i < words.Count; i++)
        {
            var (option, value, offset) = Split(words, i, flags);
            if (Flag(option, flags) is not { } flag || !FileFlags.Contains(flag.Name)) continue;
            if (value is null) valid = Reject(words[i].Offset, $"'{option}' needs a file name");
            else if (value == "-") valid = Reject(offset, "reading from stdin is not supported: put the content in 'files'");
            else valid &= FileExists(value, offset);
        }
        return valid;
    }

    private bool Proxy(List<CommandWord> words, CommandMatch match, string? background)
    {
        if (match.Path[^1] is not Kubectl.Commands.Proxy.ProxyCommand) return true;
        if (background is null)
            return Reject(0, "kubectl proxy runs until stopped: give this step 'background: NAME' and stop it later with 'stop: NAME'");
        var port = 8001;
        var flags = CommandTree.FlagsOf(match.Path);
        for (var i = 0; i < words.Count; i++)
        {
            var (option, value, offset) = Split(words, i, flags);
            if (Flag(option, flags)?.Name != "port") continue;
            if (!int.TryParse(value, out port) || port is < 1 or > 65535) return Reject(offset, $"'{option}' needs a port number");
        }
        state.Terminals[background] = port;
        return true;
    }

    private bool FileExists(string file, int offset) =>
        LearnerFiles.Missing(context, state, file) is not { } problem || Reject(offset, problem);

    /// <summary>The flag an option word names (<c>-f</c>, <c>--filename</c>), if the command has it.</summary>
    private static FlagDefinition? Flag(string option, FlagSet flags) =>
        option.StartsWith("--", StringComparison.Ordinal) ? flags.Find(option[2..])
        : option.Length == 2 && option[0] == '-' ? flags.Find(option[1])
        : null;

    /// <summary>An option at word i as (name, value, offset of the value), for both <c>--opt=v</c> and <c>--opt v</c>.</summary>
    private static (string Option, string? Value, int Offset) Split(List<CommandWord> words, int i, FlagSet flags)
    {
        var word = words[i];
        if (!word.IsOption) return ("", null, word.Offset);
        var eq = word.Text.IndexOf('=');
        if (eq > 0) return (word.Text[..eq], word.Text[(eq + 1)..], word.Offset + eq + 1);
        if (!CommandTree.TakesValue(word.Text, flags)) return (word.Text, null, word.Offset);
        return i + 1 < words.Count ? (word.Text, words[i + 1].Text, words[i + 1].Offset) : (word.Text, null, word.Offset);
    }

    /// <summary>A command path without the leading <c>kubectl</c>: <c>create secret</c>.</summary>
    private static string Short(string path) => path["kubectl ".Length..];

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
