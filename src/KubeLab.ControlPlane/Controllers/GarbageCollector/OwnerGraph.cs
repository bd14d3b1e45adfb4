using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers.GarbageCollector;

/// <summary>An object the garbage collector knows: its resource and store key.</summary>
public readonly record struct GraphNode(string Resource, string Key);

/// <summary>
/// The garbage collector's GraphBuilder: who owns whom, by uid, kept current from every committed change,
/// so finding the dependents of an owner that goes is a lookup rather than a scan of the cluster.
/// </summary>
public sealed class OwnerGraph
{
    private readonly Dictionary<string, GraphNode> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<GraphNode>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<GraphNode, string[]> _owners = [];
    private readonly Lock _sync = new();

    public void Observe(StoreEvent change)
    {
        var node = new GraphNode(change.Resource, change.Object.Key);
        var meta = change.Object.Object.Metadata;
        lock (_sync)
        {
            if (_owners.Remove(node, out var previousOwners))
                foreach (var owner in previousOwners)
                    if (_dependents.TryGetValue(owner, out var set)) set.Remove(node);
            if (change.Type == WatchEventType.Deleted)
            {
                if (meta.Uid is { } gone && _byUid.GetValueOrDefault(gone) == node) _byUid.Remove(gone);
                return;
            }
            if (meta.Uid is { } uid) _byUid[uid] = node;
            var owners = meta.OwnerReferences?.Select(o => o.Uid).Distinct().ToArray() ?? [];
            if (owners.Length == 0) return;
            _owners[node] = owners;
            foreach (var owner in owners)
            {
                if (!_dependents.TryGetValue(owner, out var set)) _dependents[owner] = set = [];
                set.Add(node);
            }
        }
    }

    /// <summary>Where the object with this uid is, or null if no such object exists now.</summary>
    public GraphNode? Find(string uid)
    {
        lock (_sync) return _byUid.TryGetValue(uid, out var node) ? node : null;
    }

    public List<GraphNode> DependentsOf(string uid)
    {
        lock (_sync)
            return _dependents.TryGetValue(uid, out var set)
                ? set.OrderBy(n => n.Resource, StringComparer.Ordinal).ThenBy(n => n.Key, StringComparer.Ordinal).ToList()
                : [];
    }
}
