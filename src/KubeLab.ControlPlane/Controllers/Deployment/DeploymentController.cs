using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Controllers.Events;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Selection;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

/// <summary>
/// kube-controller-manager's deployment controller, as service account <c>deployment-controller</c>:
/// it keeps one ReplicaSet per pod template (named <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>), scales
/// them for a rolling update or a recreate within maxSurge and maxUnavailable, scales proportionally when
/// the replica count changes mid-rollout, prunes old sets beyond revisionHistoryLimit, and reports status
/// and the Available and Progressing conditions that <c>kubectl rollout status</c> reads.
/// </summary>
public sealed partial class DeploymentController : IController
{
    private readonly Cluster _cluster;
    private readonly ApiClient _api;
    private readonly Lister _lister;
    private readonly EventRecorder _events;

    public DeploymentController(Cluster cluster, EventSequence sequence)
    {
        _cluster = cluster;
        _api = new ApiClient(cluster, "deployment-controller");
        _lister = new Lister(cluster.Store);
        _events = new EventRecorder(_api, sequence, "deployment-controller");
    }

    public string Name => "deployment-controller";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store)
    {
        switch (change.Resource)
        {
            case "deployments":
                return [change.Object.Key];
            case "replicasets":
                var owner = ControllerRef.Of(change.Object.Object) ?? (change.Previous is { } p ? ControllerRef.Of(p.Object) : null);
                return owner is { Kind: "Deployment" } ? [$"{change.Object.Object.Metadata.Namespace}/{owner.Name}"] : [];
            case "pods" when change.Type == WatchEventType.Deleted:
                // Recreate waits for the old pods to be gone.
                var rsRef = ControllerRef.Of(change.Object.Object);
                var ns = change.Object.Object.Metadata.Namespace;
                if (rsRef is not { Kind: "ReplicaSet" } || store.Get("replicasets", $"{ns}/{rsRef.Name}")?.Object is not { } rs) return [];
                return ControllerRef.Of(rs) is { Kind: "Deployment" } d ? [$"{ns}/{d.Name}"] : [];
            default:
                return [];
        }
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var slash = key.IndexOf('/');
        var d = _lister.Get<Api.Apps.Deployment>("deployments", key[..slash], key[(slash + 1)..]);
        if (d is null) return null;
        var sync = new Sync(this, d, await ReplicaSetsFor(d, cancellationToken), cancellationToken);
        try
        {
            return await sync.Run();
        }
        catch (ApiException e) when (e.Code is 409 or 404)
        {
            return TimeSpan.Zero; // Someone changed what we read: look again with fresh state.
        }
    }

    /// <summary>The replica sets this deployment controls, adopting orphans its selector matches (ControllerRefManager).</summary>
    private async Task<List<ReplicaSet>> ReplicaSetsFor(Api.Apps.Deployment d, CancellationToken cancellationToken)
    {
        var selector = LabelSelectorQuery.FromSelector(d.Spec.Selector);
        var owned = new List<ReplicaSet>();
        foreach (var rs in _lister.List<ReplicaSet>("replicasets", d.Metadata.Namespace))
        {
            var controller = ControllerRef.Of(rs);
            if (controller?.Uid == d.Metadata.Uid) owned.Add(rs);
            else if (controller is null && rs.Metadata.DeletionTimestamp is null && d.Metadata.DeletionTimestamp is null
                     && selector.Matches(rs.Metadata.Labels))
            {
                await _api.PatchAsync(Path(rs), ControllerRef.StrategicMergePatch, ControllerRef.AdoptPatch(d, rs), cancellationToken);
                if (_lister.Get<ReplicaSet>("replicasets", rs.Metadata.Namespace, rs.Metadata.Name!) is { } adopted) owned.Add(adopted);
            }
        }
        return owned;
    }

    private static string Path(ReplicaSet rs) => $"/apis/apps/v1/namespaces/{rs.Metadata.Namespace}/replicasets/{rs.Metadata.Name}";
    private static string Path(Api.Apps.Deployment d) => $"/apis/apps/v1/namespaces/{d.Metadata.Namespace}/deployments/{d.Metadata.Name}";

    /// <summary>Whether any pod of the old replica sets still runs (Recreate waits for none).</summary>
    private bool OldPodsRunning(ReplicaSet? newRs, IEnumerable<ReplicaSet> oldSets)
    {
        var old = oldSets.Select(rs => rs.Metadata.Uid).ToHashSet();
        return _lister.List<Pod>("pods", newRs?.Metadata.Namespace ?? oldSets.FirstOrDefault()?.Metadata.Namespace)
            .Any(p => ControllerRef.Of(p) is { } owner && old.Contains(owner.Uid) && p.Status.Phase is not ("Succeeded" or "Failed"));
    }
}
