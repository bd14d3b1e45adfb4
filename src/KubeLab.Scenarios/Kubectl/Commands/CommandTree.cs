using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands;

/// <summary>
/// What cobra's <c>Command.Find</c> made of a command line: the command path, the positions of the words that
/// named its commands, and the position of the first word after them that is neither a flag nor a flag's value
/// (an argument, or a subcommand the tree does not have). Positions index the command line's words.
/// </summary>
internal sealed record CommandMatch(IReadOnlyList<CommandDefinition> Path, IReadOnlyList<int> CommandWords, int? NextWord);

/// <summary>
/// cobra's <c>Command.Find</c> over kubectl's commands: the words that are not flags (nor values of flags)
/// pick the command, level by level; what remains is parsed with that command's flags.
/// </summary>
internal static class CommandTree
{
    public static (List<CommandDefinition> Path, List<string> Args) Find(CommandDefinition root, IReadOnlyList<string> args)
    {
        var match = Match(root, args);
        var rest = args.Where((_, i) => !match.CommandWords.Contains(i)).ToList();
        return ([.. match.Path], rest);
    }

    /// <summary>Finds the command as <see cref="Find"/> does, keeping where each word was (lesson validation points at them).</summary>
    public static CommandMatch Match(CommandDefinition root, IReadOnlyList<string> args)
    {
        var path = new List<CommandDefinition> { root };
        var commandWords = new List<int>();
        // The words not taken as command names yet, by position.
        var rest = Enumerable.Range(0, args.Count).ToList();
        while (true)
        {
            var words = StripFlags(rest, args, FlagsOf(path));
            var next = words.Count == 0 ? null : path[^1].Subcommands.FirstOrDefault(c => c.Answers(args[words[0]]));
            if (next is null) return new CommandMatch(path, commandWords, words.Count == 0 ? null : words[0]);
            var taken = FirstEqual(rest, args, args[words[0]], FlagsOf(path));
            if (taken >= 0)
            {
                commandWords.Add(rest[taken]);
                rest.RemoveAt(taken);
            }
            path.Add(next);
        }
    }

    /// <summary>The flags a command accepts: the global ones and its own.</summary>
    public static FlagSet FlagsOf(IReadOnlyList<CommandDefinition> path)
    {
        var flags = new FlagSet();
        GlobalFlags.AddTo(flags);
        path[^1].AddFlags(flags);
        if (flags.Find("kustomize") is not null) flags.NotSimulated("kustomize", "KubeLab has no kustomize: give the manifests with -f");
        return flags;
    }

    /// <summary>
    /// cobra's <c>argsMinusFirstX</c>: where in <paramref name="rest"/> the first word (not a flag value) equal to
    /// <paramref name="word"/> is, or -1.
    /// </summary>
    private static int FirstEqual(List<int> rest, IReadOnlyList<string> args, string word, FlagSet flags)
    {
        for (var i = 0; i < rest.Count; i++)
        {
            var s = args[rest[i]];
            if (s == "--") break;
            if (TakesValue(s, flags)) i++;
            else if (!s.StartsWith('-') && s == word) return i;
        }
        return -1;
    }

    /// <summary>Whether a flag word takes the next word as its value (<c>-n team</c>, <c>--output yaml</c>).</summary>
    public static bool TakesValue(string s, FlagSet flags) =>
        (s.StartsWith("--", StringComparison.Ordinal) && !s.Contains('=') && flags.Find(s[2..])?.NoOptDefault is null)
        || (s.Length == 2 && s[0] == '-' && s[1] != '-' && flags.Find(s[1])?.NoOptDefault is null);

    /// <summary>
    /// cobra's <c>stripFlags</c>, including its habit of stopping at a value-taking flag followed by one last word:
    /// the positions of the words that are neither flags nor their values.
    /// </summary>
    private static List<int> StripFlags(List<int> rest, IReadOnlyList<string> args, FlagSet flags)
    {
        var words = new List<int>();
        for (var i = 0; i < rest.Count; i++)
        {
            var s = args[rest[i]];
            if (s == "--") break;
            if (TakesValue(s, flags))
            {
                if (rest.Count - i - 1 <= 1) break;
                i++;
                continue;
            }
            if (s.Length > 0 && s[0] != '-') words.Add(rest[i]);
        }
        return words;
    }
}
