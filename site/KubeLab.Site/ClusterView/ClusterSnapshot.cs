using System.Text.Json;
using KubeLab.ControlPlane;

namespace KubeLab.Site.ClusterView;

/// <summary>One stored object as the cluster view lists it.</summary>
/// <param name="Resource">As the transcript names resources: the plural, with its group when it has one (<c>deployments.apps</c>).</param>
/// <param name="Phase"><c>status.phase</c> (Pending, Running, Active…), or Terminating once a deletion has begun.</param>
public sealed record ClusterObject(string Resource, string Kind, string? Namespace, string Name, string ResourceVersion, string? Phase, byte[] Json)
{
    public (string Resource, string? Namespace, string Name) Key => (Resource, Namespace, Name);
}

/// <summary>
/// What the cluster's store holds at one moment, by identity. Stored objects are immutable, so a snapshot
/// shares their JSON and costs a list; one is taken after every step so back and forth need not re-read.
/// </summary>
public sealed class ClusterSnapshot
{
    private readonly Dictionary<(string, string?, string), ClusterObject> _objects;

    private ClusterSnapshot(List<ClusterObject> objects, long revision)
    {
        Objects = objects;
        Revision = revision;
        _objects = objects.ToDictionary(o => o.Key);
    }

    public IReadOnlyList<ClusterObject> Objects { get; }

    /// <summary>The store's revision: the resourceVersion of its latest write.</summary>
    public long Revision { get; }

    public ClusterObject? Find(string resource, string? ns, string name) => _objects.GetValueOrDefault((resource, ns, name));

    public static ClusterSnapshot Read(Cluster cluster)
    {
        var objects = new List<ClusterObject>();
        var revision = cluster.Store.Revision;
        foreach (var resource in cluster.Catalog.Resources)
        {
            var label = resource.Group.Length == 0 ? resource.Plural : $"{resource.Plural}.{resource.Group}";
            foreach (var stored in cluster.Store.List(resource.Plural).Items)
            {
                var meta = stored.Object.Metadata;
                objects.Add(new ClusterObject(label, resource.Kind, meta.Namespace, meta.Name!, meta.ResourceVersion ?? "",
                    Phase(stored.Json), stored.Json));
            }
        }
        var ordered = objects.OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Resource, StringComparer.Ordinal)
            .ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        return new ClusterSnapshot(ordered, revision);
    }

    private static string? Phase(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("deletionTimestamp", out _)) return "Terminating";
        return root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("phase", out var phase) && phase.ValueKind == JsonValueKind.String ? phase.GetString() : null;
    }
}
