using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KubeLab.Site.Benchmarks;

/// <summary>
/// How many Blazor circuits the site holds: opened, and not yet closed (a disconnected circuit the server keeps for
/// a possible reconnection still counts). Memory is read only when this is the number of pages open.
/// </summary>
internal sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until <see cref="Count"/> is <paramref name="expected"/>; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(int expected, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Count != expected)
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(100);
        }
        return true;
    }

    /// <summary>Registered in the site's services: one per circuit.</summary>
    internal sealed class Handler(OpenCircuits circuits) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref circuits._count);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref circuits._count);
            return Task.CompletedTask;
        }
    }
}
