using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// A reconcile loop: it names the work a change implies (a key) and reconciles one key at a time,
/// acting only through the API. It may ask to be called again after a delay.
/// </summary>
public interface IController
{
    string Name { get; }

    /// <summary>Who it is when it calls the API.</summary>
    ControllerIdentity Identity { get; }

    /// <summary>The keys a committed change makes this controller look at.</summary>
    IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store);

    /// <summary>How long after a change its keys become ready (most controllers: at once).</summary>
    TimeSpan ChangeDelay => TimeSpan.Zero;

    /// <summary>Brings one key toward its desired state; returns when to look again, or null.</summary>
    Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken);
}
