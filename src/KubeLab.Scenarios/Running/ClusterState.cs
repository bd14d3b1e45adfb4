using KubeLab.ControlPlane;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Running;

/// <summary>The cluster's objects by identity with their resourceVersions, to say what a step changed.</summary>
internal static class ClusterState
{
    public static Dictionary<(string Resource, string? Namespace, string Name), string?> Read(Cluster cluster)
    {
        var state = new Dictionary<(string, string?, string), string?>();
        foreach (var resource in cluster.Catalog.Resources)
        {
            var label = resource.Group.Length == 0 ? resource.Plural : $"{resource.Plural}.{resource.Group}";
            foreach (var stored in cluster.Store.List(resource.Plural).Items)
                state[(label, stored.Object.Metadata.Namespace, stored.Object.Metadata.Name!)] = stored.Object.Metadata.ResourceVersion;
        }
        return state;
    }

    public static List<ObjectChange> Changes(
        Dictionary<(string Resource, string? Namespace, string Name), string?> before,
        Dictionary<(string Resource, string? Namespace, string Name), string?> after)
    {
        var changes = new List<ObjectChange>();
        foreach (var (key, version) in after)
        {
            if (!before.TryGetValue(key, out var old)) changes.Add(new ObjectChange(ChangeKind.Added, key.Resource, key.Namespace, key.Name, null, version));
            else if (old != version) changes.Add(new ObjectChange(ChangeKind.Modified, key.Resource, key.Namespace, key.Name, old, version));
        }
        foreach (var (key, old) in before)
            if (!after.ContainsKey(key)) changes.Add(new ObjectChange(ChangeKind.Deleted, key.Resource, key.Namespace, key.Name, old, null));
        return changes.OrderBy(c => c.Resource, StringComparer.Ordinal).ThenBy(c => c.Namespace, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
