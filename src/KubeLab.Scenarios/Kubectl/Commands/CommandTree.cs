using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands;

/// <summary>
/// cobra's <c>Command.Find</c> over kubectl's commands: the words that are not flags (nor values of flags)
/// pick the command, level by level; what remains is parsed with that command's flags.
/// </summary>
internal static class CommandTree
{
    public static (List<CommandDefinition> Path, List<string> Args) Find(CommandDefinition root, IReadOnlyList<string> args)
    {
        var path = new List<CommandDefinition> { root };
        var rest = args.ToList();
        while (true)
        {
            var current = path[^1];
            var words = StripFlags(rest, FlagsOf(path));
            if (words.Count == 0) return (path, rest);
            var next = current.Subcommands.FirstOrDefault(c => c.Answers(words[0]));
            if (next is null) return (path, rest);
            rest = WithoutFirst(rest, words[0], FlagsOf(path));
            path.Add(next);
        }
    }

    /// <summary>The flags a command accepts: the global ones and its own.</summary>
    public static FlagSet FlagsOf(IReadOnlyList<CommandDefinition> path)
    {
        var flags = new FlagSet();
        GlobalFlags.AddTo(flags);
        path[^1].AddFlags(flags);
        return flags;
    }

    /// <summary>cobra's <c>argsMinusFirstX</c>: the arguments without the first word (not a flag value) equal to <paramref name="word"/>.</summary>
    private static List<string> WithoutFirst(List<string> args, string word, FlagSet flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var s = args[i];
            if (s == "--") break;
            if (TakesValue(s, flags)) i++;
            else if (!s.StartsWith('-') && s == word) return [.. args[..i], .. args[(i + 1)..]];
        }
        return args;
    }

    private static bool TakesValue(string s, FlagSet flags) =>
        (s.StartsWith("--", StringComparison.Ordinal) && !s.Contains('=') && flags.Find(s[2..])?.NoOptDefault is null)
        || (s.Length == 2 && s[0] == '-' && s[1] != '-' && flags.Find(s[1])?.NoOptDefault is null);

    /// <summary>cobra's <c>stripFlags</c>, including its habit of stopping at a value-taking flag followed by one last word.</summary>
    private static List<string> StripFlags(List<string> args, FlagSet flags)
    {
        var words = new List<string>();
        var queue = new Queue<string>(args);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (s == "--") break;
            if (TakesValue(s, flags))
            {
                if (queue.Count <= 1) break;
                queue.Dequeue();
                continue;
            }
            if (s.Length > 0 && s[0] != '-') words.Add(s);
        }
        return words;
    }
}
