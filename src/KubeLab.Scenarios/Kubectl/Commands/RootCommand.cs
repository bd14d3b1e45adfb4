using KubeLab.Scenarios.Kubectl.Commands.Apply;
using KubeLab.Scenarios.Kubectl.Commands.Auth;
using KubeLab.Scenarios.Kubectl.Commands.Config;
using KubeLab.Scenarios.Kubectl.Commands.Info;
using KubeLab.Scenarios.Kubectl.Commands.Create;
using KubeLab.Scenarios.Kubectl.Commands.Delete;
using KubeLab.Scenarios.Kubectl.Commands.Describe;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Commands.Explain;
using KubeLab.Scenarios.Kubectl.Commands.Replace;
using KubeLab.Scenarios.Kubectl.Commands.Rollout;
using KubeLab.Scenarios.Kubectl.Commands.Run;
using KubeLab.Scenarios.Kubectl.Commands.Set;
using KubeLab.Scenarios.Kubectl.Commands.Wait;
using KubeLab.Scenarios.Kubectl.Commands.Get;
using KubeLab.Scenarios.Kubectl.Commands.Logs;
using KubeLab.Scenarios.Kubectl.Commands.Proxy;

namespace KubeLab.Scenarios.Kubectl.Commands;

/// <summary><c>kubectl</c> itself: the commands it knows, and cobra's answer to a word that is none of them.</summary>
internal sealed class RootCommand : CommandDefinition
{
    public override string Name => "kubectl";

    public override IReadOnlyList<CommandDefinition> Subcommands { get; } =
    [
        new GetCommand(),
        new CreateCommand(),
        new DeleteCommand(),
        new ApplyCommand(),
        new RunCommand(),
        new MetadataMapCommand("label", "labels"),
        new MetadataMapCommand("annotate", "annotations"),
        new PatchCommand(),
        new ScaleCommand(),
        new ReplaceCommand(),
        new VersionCommand(),
        new ApiVersionsCommand(),
        new ApiResourcesCommand(),
        new AuthCommand(),
        new ConfigCommand(),
        new LogsCommand(),
        new DescribeCommand(),
        new ProxyCommand(),
        new ExplainCommand(),
        new WaitCommand(),
        new RolloutCommand(),
        new SetCommand(),
        new EditCommand(),
    ];

    public override Task<int> RunAsync(Invocation invocation)
    {
        if (invocation.Args.Count == 0) throw KubectlException.Raw("error: a kubectl command is required (the emulator does not print kubectl's help)\n");
        var word = invocation.Args[0];
        var suggestions = Subcommands.Select(c => c.Name).Where(n => Suggests(word, n)).ToList();
        var text = $"error: unknown command {Output.GoValue.Quote(word)} for \"kubectl\"";
        if (suggestions.Count > 0) text += "\n\nDid you mean this?\n" + string.Concat(suggestions.Select(s => $"\t{s}\n"));
        else text += "\n";
        throw KubectlException.Raw(text);
    }

    // cobra suggests commands within a Levenshtein distance of 2, or that start with the word.
    private static bool Suggests(string typed, string name) =>
        Distance(typed.ToLowerInvariant(), name.ToLowerInvariant()) <= 2 || name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
