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

/// <summary>What a command printed, kept apart by stream and in order.</summary>
public sealed class CommandOutput
{
    private readonly Lock _sync = new();

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
}
