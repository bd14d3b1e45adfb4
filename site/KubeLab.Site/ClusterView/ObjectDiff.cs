using System.Text.Json.Nodes;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.Exchanges;

namespace KubeLab.Site.ClusterView;

/// <summary>One field a step changed: its path (<c>status.phase</c>), and its JSON before and after (null: absent).</summary>
public sealed record FieldChange(string Path, string? Before, string? After);

/// <summary>
/// What a step did to one object: for a change, the fields that differ; for an object added or deleted, the
/// whole object (as it was stored, or as it was last).
/// </summary>
public sealed record ObjectDiff(ObjectChange Change, string Kind, IReadOnlyList<FieldChange> Fields, JsonTreeNode? Whole)
{
    /// <summary>Written by every update and long; the whole object keeps them.</summary>
    private const string ManagedFields = "metadata.managedFields";

    public string Title => (Change.Namespace is null ? "" : Change.Namespace + "/") + $"{Change.Resource}/{Change.Name}";

    public static IReadOnlyList<ObjectDiff> Of(IReadOnlyList<ObjectChange> changes, ClusterSnapshot before, ClusterSnapshot after) =>
        changes.Select(c => Of(c, before.Find(c.Resource, c.Namespace, c.Name), after.Find(c.Resource, c.Namespace, c.Name))).ToList();

    private static ObjectDiff Of(ObjectChange change, ClusterObject? before, ClusterObject? after)
    {
        var kind = (after ?? before)?.Kind ?? change.Resource;
        if (before is null || after is null)
            return new ObjectDiff(change, kind, [], JsonTree.Build(JsonNode.Parse((after ?? before)?.Json ?? "null"u8.ToArray())));
        var old = Leaves(JsonNode.Parse(before.Json));
        var now = Leaves(JsonNode.Parse(after.Json));
        var fields = old.Keys.Union(now.Keys).Where(p => !p.StartsWith(ManagedFields, StringComparison.Ordinal))
            .Where(p => old.GetValueOrDefault(p) != now.GetValueOrDefault(p))
            .Select(p => new FieldChange(p, old.GetValueOrDefault(p), now.GetValueOrDefault(p)))
            .ToList();
        return new ObjectDiff(change, kind, fields, null);
    }

    /// <summary>Every scalar (and empty container) by its path, as its JSON text.</summary>
    private static Dictionary<string, string> Leaves(JsonNode? root)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj) Walk(value, path.Length == 0 ? key : Member(path, key), leaves);
                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", leaves);
                break;
            default:
                leaves[path] = node?.ToJsonString(JsonTree.Indented) ?? "null";
                break;
        }
    }

    /// <summary><c>a.b</c>, or <c>a['b.c']</c> for keys a dot would split (labels, annotations).</summary>
    private static string Member(string path, string key) =>
        key.Any(c => c is '.' or '/' or '[' or ']' or '\'') ? $"{path}['{key}']" : $"{path}.{key}";
}
