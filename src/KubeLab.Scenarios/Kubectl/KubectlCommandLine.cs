using KubeLab.Scenarios.Kubectl.Commands;

namespace KubeLab.Scenarios.Kubectl;

/// <summary>
/// What the words of a kubectl command line name so far, as the emulator's command tree reads them (a terminal's
/// completion asks): the command path (<c>create secret</c>), the subcommands that could come next, and the
/// arguments after the command that are neither flags nor flags' values (<c>pods nginx</c>).
/// </summary>
public sealed record KubectlCommandLine(IReadOnlyList<string> Path, IReadOnlyList<string> Subcommands, IReadOnlyList<string> Arguments)
{
    /// <param name="words">The words after <c>kubectl</c>.</param>
    public static KubectlCommandLine Read(IReadOnlyList<string> words)
    {
        var (path, rest) = CommandTree.Find(KubectlCommand.Root, words);
        var flags = CommandTree.FlagsOf(path);
        var arguments = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            if (rest[i] == "--") break;
            if (!rest[i].StartsWith('-') || rest[i] == "-") arguments.Add(rest[i]);
            else if (CommandTree.TakesValue(rest[i], flags)) i++;
        }
        return new KubectlCommandLine(path.Skip(1).Select(c => c.Name).ToList(), path[^1].Subcommands.Select(c => c.Name).ToList(), arguments);
    }
}
