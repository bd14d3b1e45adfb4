using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// The set of fields an applied configuration specifies, as structured-merge-diff's ToFieldSet computes
/// it: every scalar and atomic list, every list item (by key or value), every null or empty object, and
/// every map entry; then the type and identity fields no manager ever owns are stripped.
/// </summary>
internal static class AppliedFields
{
    private static readonly string[][] Stripped =
    [
        ["apiVersion"], ["kind"], ["metadata"],
        ["metadata", "name"], ["metadata", "namespace"], ["metadata", "creationTimestamp"], ["metadata", "selfLink"],
        ["metadata", "uid"], ["metadata", "clusterName"], ["metadata", "generation"], ["metadata", "managedFields"],
        ["metadata", "resourceVersion"],
    ];

    public static FieldSet Of(JsonObject config, ApplyShape shape, string? subresource)
    {
        var set = new FieldSet();
        Walk(config, shape, [], set);
        foreach (var path in Stripped) set.Remove(path.Select(PathElement.Field).ToArray());
        return ForSubresource(set, subresource);
    }

    /// <summary>
    /// The fields a request on <paramref name="subresource"/> may own: status for the status subresource,
    /// everything else for the main resource (the reset fields of the registry strategies).
    /// </summary>
    public static FieldSet ForSubresource(FieldSet set, string? subresource) => set.Where(path => InScope(path, subresource));

    public static bool InScope(IReadOnlyList<PathElement> path, string? subresource) =>
        (path.Count > 0 && path[0] == PathElement.Field("status")) == (subresource == "status");

    private static void Walk(JsonNode? node, ApplyShape shape, List<PathElement> path, FieldSet set)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    path.Add(PathElement.Field(key));
                    Walk(value, shape.Child(key), path, set);
                    if (value is null || value is JsonObject { Count: 0 } || !shape.Declares(key)) set.Insert(path);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonArray array when shape.List != ListKind.Atomic:
                for (var i = 0; i < array.Count; i++)
                {
                    if (shape.ItemElement(array[i], i) is not { } element) continue;
                    path.Add(element);
                    if (shape.List == ListKind.Associative) Walk(array[i], shape.Item, path, set);
                    set.Insert(path);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            default:
                set.Insert(path);
                break;
        }
    }
}
