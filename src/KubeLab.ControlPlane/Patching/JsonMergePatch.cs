using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>) with the behaviour of the
/// library the apiserver uses (evanphx/json-patch v4): objects merge key by key, <c>null</c> removes
/// a key, anything else replaces the value; nulls inside newly added objects are dropped.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>Merges <paramref name="patch"/> into a copy of <paramref name="document"/>.</summary>
    public static JsonNode Apply(JsonObject document, JsonObject patch)
    {
        var result = (JsonObject)document.DeepClone();
        MergeInto(result, patch);
        return result;
    }

    /// <summary>The result of a top-level array patch: the array itself with nulls pruned from its objects.</summary>
    public static JsonArray ApplyArray(JsonArray patch)
    {
        var result = (JsonArray)patch.DeepClone();
        PruneNulls(result);
        return result;
    }

    private static void MergeInto(JsonObject document, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                document.Remove(key);
                continue;
            }
            var current = document[key];
            if (current is JsonObject currentObject && value is JsonObject patchObject)
            {
                MergeInto(currentObject, patchObject);
                continue;
            }
            var replacement = value.DeepClone();
            // Upstream prunes nulls from the new value unless it replaces an object.
            if (current is not JsonObject) PruneNulls(replacement);
            document[key] = replacement;
        }
    }

    private static void PruneNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList()) obj.Remove(key);
                foreach (var (_, child) in obj) PruneNulls(child);
                break;
            case JsonArray array:
                foreach (var item in array) PruneNulls(item);
                break;
        }
    }
}
