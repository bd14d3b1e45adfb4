using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl.Commands;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl;

/// <summary>
/// The emulated kubectl v1.33.9: finds the command as cobra does, parses its flags as pflag does, sends the
/// requests the real binary sends (in-process, to the environment's cluster) and prints what it prints.
/// </summary>
public sealed class KubectlCommand : IClientCommand
{
    /// <summary>kubectl's command tree, as the emulator has it (lesson validation checks command lines against it).</summary>
    internal static readonly CommandDefinition Root = new RootCommand();

    public string Name => "kubectl";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ClientEnvironment environment, CommandOutput output, CancellationToken cancellationToken)
    {
        var (path, rest) = CommandTree.Find(Root, args);
        var commandPath = string.Join(' ', path.Select(c => c.Name));
        FlagValues flags;
        try
        {
            flags = FlagParser.Parse(CommandTree.FlagsOf(path), rest);
        }
        catch (FlagException e)
        {
            output.Error($"error: {e.Message}\nSee '{commandPath} --help' for usage.\n");
            return 1;
        }
        if (flags.Unsimulated() is { } unsimulated)
        {
            output.Error($"error: --{unsimulated.Name} is not simulated: {unsimulated.NotSimulated}\n");
            return 1;
        }
        using var invocation = new Invocation(environment, output, flags, commandPath, cancellationToken);
        try
        {
            return await path[^1].RunAsync(invocation);
        }
        catch (KubectlException e)
        {
            invocation.LogServerErrors(e.Errors);
            output.Error(e.Stderr);
            return e.ExitCode;
        }
        catch (TransportException e) when (e.Refused)
        {
            output.Error($"The connection to the server {e.HostPort} was refused - did you specify the right host or port?\n");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: kubectl dies of the signal, as a shell reports it.
            return 130;
        }
    }
}
