using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers.GarbageCollector;

/// <summary>
/// kube-controller-manager's garbage collector, as service account <c>generic-garbage-collector</c>.
/// Dependents whose owners are all gone are deleted (Background); an owner deleted in the Foreground keeps
/// its <c>foregroundDeletion</c> finalizer until no dependent that blocks owner deletion is left; an owner
/// deleted with Orphan has its references removed from every dependent, then its <c>orphan</c> finalizer.
/// Keys: <c>item:&lt;resource&gt;/&lt;key&gt;</c> (attemptToDelete) and <c>owner:&lt;resource&gt;/&lt;key&gt;</c> (owner finalizers).
/// </summary>
public sealed partial class GarbageCollector : IController
{
    private readonly Cluster _cluster;
    private readonly ApiClient _api;
    private readonly OwnerGraph _graph = new();

    public GarbageCollector(Cluster cluster)
    {
        _cluster = cluster;
        _api = new ApiClient(cluster, "generic-garbage-collector");
    }

    public string Name => "garbage-collector";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store)
    {
        _graph.Observe(change);
        var keys = new List<string>();
        var meta = change.Object.Object.Metadata;
        var node = $"{change.Resource}/{change.Object.Key}";
        if (change.Type != WatchEventType.Deleted && meta.OwnerReferences is { Count: > 0 })
            keys.Add("item:" + node);
        if (change.Type != WatchEventType.Deleted && meta.DeletionTimestamp is not null &&
            meta.Finalizers?.Any(f => f is DeletionPropagation.OrphanFinalizer or DeletionPropagation.ForegroundFinalizer) == true)
            keys.Add("owner:" + node);
        if (change.Type == WatchEventType.Deleted || meta.DeletionTimestamp is not null)
        {
            // An owner that went (or is going) affects its dependents; a dependent that went may unblock its owners.
            keys.AddRange(_graph.DependentsOf(meta.Uid ?? "").Select(d => $"item:{d.Resource}/{d.Key}"));
            foreach (var owner in meta.OwnerReferences ?? [])
                if (_graph.Find(owner.Uid) is { } o) keys.Add($"owner:{o.Resource}/{o.Key}");
        }
        return keys;
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var colon = key.IndexOf(':');
        var slash = key.IndexOf('/', colon);
        var node = new GraphNode(key[(colon + 1)..slash], key[(slash + 1)..]);
        try
        {
            if (key.StartsWith("owner:", StringComparison.Ordinal)) await ProcessOwner(node, cancellationToken);
            else await AttemptToDelete(node, cancellationToken);
            return null;
        }
        catch (ApiException e) when (e.Code is 409)
        {
            return TimeSpan.Zero;
        }
    }

    private StoredObject? Get(GraphNode node) => _cluster.Store.Get(node.Resource, node.Key);

    private ResourceDescriptor Descriptor(string resource) => _cluster.Catalog.Resources.First(r => r.Plural == resource);

    private string PathOf(GraphNode node, KubeObject obj) =>
        ApiPaths.Item(Descriptor(node.Resource), obj.Metadata.Namespace, obj.Metadata.Name!);

    /// <summary>The owner as it is now: gone (or another object under the same name), waiting in the foreground, or solid.</summary>
    private (KubeObject? Owner, bool Waiting) Owner(OwnerReference reference)
    {
        if (_graph.Find(reference.Uid) is not { } node || Get(node)?.Object is not { } owner || owner.Metadata.Uid != reference.Uid) return (null, false);
        var waiting = owner.Metadata.DeletionTimestamp is not null && owner.Metadata.Finalizers?.Contains(DeletionPropagation.ForegroundFinalizer) == true;
        return (owner, waiting);
    }
}
