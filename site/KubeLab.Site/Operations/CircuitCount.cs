using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KubeLab.Site.Operations;

/// <summary>The site's Blazor circuits: how many are open, and how many of those have their browser connected now.</summary>
public sealed class CircuitCount
{
    private int _open;
    private int _connected;

    public int Open => Volatile.Read(ref _open);

    /// <summary>Circuits a browser is attached to: what a shutdown waits for (a disconnected one is only kept in case it comes back).</summary>
    public int Connected => Volatile.Read(ref _connected);

    /// <summary>Counts through each circuit's handler (one per circuit scope) into the one <see cref="CircuitCount"/>.</summary>
    internal sealed class Handler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count._open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref count._open);
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count._connected);
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref count._connected);
            return Task.CompletedTask;
        }
    }
}
