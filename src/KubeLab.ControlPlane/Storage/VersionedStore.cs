using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Storage;

/// <summary>
/// The cluster's etcd: objects by resource and key, one monotonically increasing revision for the
/// whole cluster, and a bounded history of changes for watches. Callers that read, decide and
/// write hold <see cref="Sync"/> across the three steps, so every write sees the latest state.
/// </summary>
public sealed class VersionedStore(int historyLimit = 10_000)
{
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _tables = new(StringComparer.Ordinal);
    private readonly Queue<StoreEvent> _history = new();
    private readonly List<Action<StoreEvent>> _subscribers = [];
    private long _revision = 1;
    private int _objectCount;

    public Lock Sync { get; } = new();

    public long Revision { get { lock (Sync) return _revision; } }

    /// <summary>The oldest revision a watch can still start from.</summary>
    public long OldestWatchableRevision
    {
        get { lock (Sync) return _history.TryPeek(out var first) ? first.Revision - 1 : _revision; }
    }

    public int Count(string resource) { lock (Sync) return Table(resource).Count; }

    /// <summary>Objects stored, of every resource (what a cluster's object bound counts).</summary>
    public int ObjectCount { get { lock (Sync) return _objectCount; } }

    public StoredObject? Get(string resource, string key)
    {
        lock (Sync) return Table(resource).GetValueOrDefault(key);
    }

    /// <summary>Objects whose key starts with <paramref name="keyPrefix"/>, in key order, and the revision read at.</summary>
    public (List<StoredObject> Items, long Revision) List(string resource, string keyPrefix = "")
    {
        lock (Sync)
        {
            var items = keyPrefix.Length == 0
                ? Table(resource).Values.ToList()
                : Table(resource).Where(e => e.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).Select(e => e.Value).ToList();
            return (items, _revision);
        }
    }

    /// <summary>Stores a new revision of <paramref name="obj"/> (stamping its resourceVersion) and notifies watchers.</summary>
    public StoredObject Put(string resource, string key, KubeObject obj)
    {
        lock (Sync)
        {
            var previous = Table(resource).GetValueOrDefault(key);
            var stored = Stamp(key, obj);
            Table(resource)[key] = stored;
            if (previous is null) _objectCount++;
            Publish(new StoreEvent(previous is null ? WatchEventType.Added : WatchEventType.Modified, resource, stored, previous));
            return stored;
        }
    }

    /// <summary>Removes an object; its last state is stamped with the deletion's revision, as etcd does.</summary>
    public StoredObject Remove(string resource, string key, KubeObject lastState)
    {
        lock (Sync)
        {
            if (Table(resource).Remove(key, out var previous)) _objectCount--;
            var stored = Stamp(key, lastState);
            Publish(new StoreEvent(WatchEventType.Deleted, resource, stored, previous));
            return stored;
        }
    }

    /// <summary>
    /// Drops the history so far: watches can start only from the current revision on. An API server's watch cache
    /// begins with a list when the server starts, so a resourceVersion from before then is too old to watch from.
    /// </summary>
    public void ForgetHistory()
    {
        lock (Sync) _history.Clear();
    }

    /// <summary>Events after <paramref name="revision"/>, or null when that revision fell out of the history.</summary>
    public List<StoreEvent>? EventsSince(long revision)
    {
        lock (Sync)
        {
            if (revision < OldestWatchableRevision) return null;
            return _history.Where(e => e.Revision > revision).ToList();
        }
    }

    /// <summary>Calls <paramref name="onEvent"/> for every committed change, under the store lock, until disposed.</summary>
    public IDisposable Subscribe(Action<StoreEvent> onEvent)
    {
        lock (Sync) _subscribers.Add(onEvent);
        return new Subscription(this, onEvent);
    }

    private StoredObject Stamp(string key, KubeObject obj)
    {
        var revision = ++_revision;
        obj.Metadata.ResourceVersion = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StoredObject { Key = key, Object = obj, Json = KubeJson.Serialize(obj, obj.GetType()), ResourceVersion = revision };
    }

    private void Publish(StoreEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > historyLimit) _history.Dequeue();
        foreach (var subscriber in _subscribers.ToArray()) subscriber(change);
    }

    private SortedDictionary<string, StoredObject> Table(string resource)
    {
        if (!_tables.TryGetValue(resource, out var table))
            _tables[resource] = table = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
        return table;
    }

    private sealed class Subscription(VersionedStore store, Action<StoreEvent> onEvent) : IDisposable
    {
        public void Dispose()
        {
            lock (store.Sync) store._subscribers.Remove(onEvent);
        }
    }
}
