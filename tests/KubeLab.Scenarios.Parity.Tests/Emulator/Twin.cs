using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>One of the twin clusters: same seed, same frozen clock, the same admin token.</summary>
public sealed class Twin
{
    public const string AdminToken = "parity-admin-token";

    /// <param name="epoch">The frozen time of both twins: near the real time, so the serving certificate is valid for the real kubectl.</param>
    public Twin(DateTimeOffset epoch)
    {
        // A frozen clock never reaches a delay: the namespace controller acts on a namespace's change at once.
        Cluster = new Cluster(new ClusterOptions { Clock = new FrozenClock(epoch), Seed = 7, NamespaceDeletionGracePeriod = TimeSpan.Zero });
        Cluster.Authentication.AddTokenUser(AdminToken, "kubernetes-admin", "kubeadm:cluster-admins");
    }

    public Cluster Cluster { get; }

    /// <summary>
    /// Settles the controllers while <paramref name="done"/> runs, but only when the client is blocked on a watch, as the
    /// emulated kubectl lets its cluster move on only then: both twins see the cluster change at the same point.
    /// </summary>
    public async Task SettleWhileAsync(Task done)
    {
        while (!done.IsCompleted)
        {
            if (Cluster.Api.Exchanges.Snapshot().Any(e => e.Completed is null && e.Target.Contains("watch=true") && !IsController(e)))
                await SettleAsync();
            await Task.WhenAny(done, Task.Delay(10));
        }
        await SettleAsync();
    }

    /// <summary>Lets the controllers finish what they have to do (neither twin runs them on its own).</summary>
    public Task SettleAsync() => Cluster.Controllers.SettleAsync();

    /// <summary>Where this twin's exchange log stands; <see cref="ExchangesSince"/> reads what came after.</summary>
    public long Mark() => Cluster.Api.Exchanges.LastSequence;

    /// <summary>The exchanges after <paramref name="mark"/>, once all of them have completed (a streamed one may end a moment after its client).</summary>
    public async Task<IReadOnlyList<Exchange>> ExchangesSince(long mark, Func<Exchange, bool>? include = null)
    {
        include ??= e => !IsController(e);
        for (var attempt = 0; ; attempt++)
        {
            var exchanges = Cluster.Api.Exchanges.Since(mark).Where(include).ToList();
            if (exchanges.All(e => e.Completed is not null) || attempt > 100) return exchanges;
            await Task.Delay(20);
        }
    }

    private static bool IsController(Exchange exchange) =>
        !exchange.RequestHeaders.Any(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) && h.Value.StartsWith("kubectl/", StringComparison.Ordinal));
}
