using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands;

/// <summary>
/// One kubectl command (a cobra command): its name and aliases, its subcommands, its own flags, and what it does.
/// A command with subcommands and no behaviour of its own reports a missing subcommand.
/// </summary>
internal abstract class CommandDefinition
{
    public abstract string Name { get; }

    public virtual IReadOnlyList<string> Aliases => [];

    public virtual IReadOnlyList<CommandDefinition> Subcommands => [];

    /// <summary>
    /// Whether the command does nothing of its own without a subcommand (kubectl prints its help, which the emulator
    /// does not reproduce): true for a group such as <c>rollout</c>; <c>create</c> also creates from files.
    /// </summary>
    public virtual bool NeedsSubcommand => Subcommands.Count > 0;

    /// <summary>The flags this command adds to the global ones.</summary>
    public virtual void AddFlags(FlagSet flags) { }

    /// <summary>Runs the command; the result is the exit code. Errors are thrown as <see cref="KubectlException"/>.</summary>
    public abstract Task<int> RunAsync(Invocation invocation);

    public bool Answers(string word) => word == Name || Aliases.Contains(word);
}
