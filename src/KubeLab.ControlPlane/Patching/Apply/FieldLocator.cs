using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>Finds, compares and removes the value a field path names inside an object.</summary>
internal static class FieldLocator
{
    public readonly record struct Location(JsonNode? Parent, int Index, JsonNode? Value, ApplyShape Shape);

    /// <summary>The value at <paramref name="path"/>, or null when the object has nothing there.</summary>
    public static Location? Find(JsonObject root, ApplyShape shape, IReadOnlyList<PathElement> path)
    {
        Location? location = new(null, -1, root, shape);
        foreach (var element in path)
        {
            location = Step(location.Value, element);
            if (location is null) return null;
        }
        return location;
    }

    /// <summary>
    /// Whether a field's value differs between two objects in a way that matters for ownership: a
    /// scalar or atomic list that changed, or a value that only one of them has.
    /// </summary>
    public static bool Changed(Location? before, Location? after)
    {
        if (after is null) return false;
        if (before is null) return true;
        var (old, now) = (before.Value.Value, after.Value.Value);
        if (old is JsonObject && now is JsonObject) return false;
        if (old is JsonArray && now is JsonArray && after.Value.Shape.List != ListKind.Atomic) return false;
        return !JsonNode.DeepEquals(old, now);
    }

    /// <summary>Removes the value at <paramref name="path"/> (a field, or a list item) when present.</summary>
    public static void Remove(JsonObject root, ApplyShape shape, IReadOnlyList<PathElement> path)
    {
        if (Find(root, shape, path) is not { Parent: { } parent } location) return;
        if (parent is JsonObject obj) obj.Remove(path[^1].Body);
        else if (parent is JsonArray array) array.RemoveAt(location.Index);
    }

    private static Location? Step(Location at, PathElement element)
    {
        switch (element.Kind)
        {
            case 'f':
                if (at.Value is not JsonObject obj || !obj.TryGetPropertyValue(element.Body, out var child)) return null;
                return new Location(obj, -1, child, at.Shape.Child(element.Body));
            case 'i':
                if (at.Value is not JsonArray byIndex || !int.TryParse(element.Body, out var index) || index < 0 || index >= byIndex.Count) return null;
                return new Location(byIndex, index, byIndex[index], at.Shape.Item);
            default:
                if (at.Value is not JsonArray list) return null;
                for (var i = 0; i < list.Count; i++)
                    if (at.Shape.ItemElement(list[i], i) == element) return new Location(list, i, list[i], at.Shape.Item);
                return null;
        }
    }
}
