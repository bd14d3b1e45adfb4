namespace KubeLab.Scenarios.Clients;

/// <summary>
/// An emulated client program (kubectl, curl): given the arguments as a learner typed them, it sends the
/// requests the real program sends and writes what it prints. Requests reach the cluster through its API
/// server, so they are recorded in the cluster's exchange log like any other.
/// </summary>
public interface IClientCommand
{
    /// <summary>The program's name as typed: <c>kubectl</c>, <c>curl</c>.</summary>
    string Name { get; }

    /// <summary>Runs to completion (or until cancelled, for watches and proxies) and returns the exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, ClientEnvironment environment, CommandOutput output, CancellationToken cancellationToken);
}

/// <summary>What a command printed, kept apart by stream and in order, and whether it now waits on the cluster.</summary>
public sealed class CommandOutput
{
    private readonly Lock _sync = new();
    private Task? _waitingOn;

    public StringWriter Stdout { get; } = new();
    public StringWriter Stderr { get; } = new();

    public void Out(string text)
    {
        lock (_sync) Stdout.Write(text);
    }

    public void Error(string text)
    {
        lock (_sync) Stderr.Write(text);
    }

    /// <summary>What has been printed so far, read while the command may still be printing.</summary>
    public (string Stdout, string Stderr) Printed()
    {
        lock (_sync) return (Stdout.ToString(), Stderr.ToString());
    }

    /// <summary>
    /// True while the command waits on something only the cluster or the learner can end (the next bytes of a
    /// stream, the next request to a proxy, Ctrl-C): it has done all it can until then. A lesson runner lets a
    /// background command run until it waits, so what it printed does not depend on timing.
    /// </summary>
    public bool IsWaiting
    {
        get { lock (_sync) return _waitingOn is { IsCompleted: false }; }
    }

    /// <summary>Awaits <paramref name="wait"/>, the command's wait on the cluster or the learner (see <see cref="IsWaiting"/>).</summary>
    public async Task<T> WaitOn<T>(Task<T> wait)
    {
        lock (_sync) _waitingOn = wait;
        return await wait;
    }

    /// <inheritdoc cref="WaitOn{T}(Task{T})"/>
    public async Task WaitOn(Task wait)
    {
        lock (_sync) _waitingOn = wait;
        await wait;
    }
}
