using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Strategic;

/// <summary>
/// The server side of a strategic merge patch, following k8s.io/apimachinery/pkg/util/strategicpatch
/// (StrategicMergeMapPatch): maps merge recursively, <c>null</c> deletes, lists merge by their merge key
/// or are replaced, and the <c>$</c> directives are interpreted. Errors keep upstream's wording.
/// This part handles maps and the directives that live in them.
/// </summary>
internal static partial class StrategicMerge
{
    public const string Directive = "$patch";
    public const string RetainKeys = "$retainKeys";
    public const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList";
    public const string SetElementOrder = "$setElementOrder";

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (changed in place) and returns the result.</summary>
    public static JsonObject MergeMap(JsonObject? original, JsonObject patch, PatchSchema schema)
    {
        if (patch.TryGetPropertyValue(Directive, out var directive)) return MapDirective(directive, patch);
        original ??= [];
        ApplyRetainKeys(original, patch);
        MergeOrderedLists(original, patch, schema);

        foreach (var (patchKey, patchValue) in patch.ToList())
        {
            var key = patchKey;
            var isDeleteList = patchKey.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal);
            if (isDeleteList) key = ExtractKey(patchKey, DeleteFromPrimitiveList);

            if (patchValue is null)
            {
                original.Remove(key);
                continue;
            }
            original.TryGetPropertyValue(key, out var current);
            if (current is null || GoValues.TypeName(current) != GoValues.TypeName(patchValue))
            {
                if (!isDeleteList) SetNew(original, key, patchValue);
                continue;
            }
            switch (current)
            {
                case JsonObject currentMap:
                    var (mapSchema, mapMeta) = schema.LookupMap(key);
                    var merged = mapMeta.Strategy == "replace" ? (JsonObject)patchValue.DeepClone() : MergeMap(currentMap, (JsonObject)patchValue, mapSchema);
                    if (!ReferenceEquals(merged, currentMap)) original[key] = merged;
                    break;
                case JsonArray currentList:
                    var (itemSchema, listMeta) = schema.LookupList(key);
                    original[key] = MergeListHandler(currentList, (JsonArray)patchValue, itemSchema, listMeta, isDeleteList);
                    break;
                default:
                    original[key] = patchValue.DeepClone();
                    break;
            }
        }
        return original;
    }

    /// <summary><c>$patch</c> in a map: <c>replace</c> keeps the patch as it is, <c>delete</c> empties the map.</summary>
    private static JsonObject MapDirective(JsonNode? directive, JsonObject patch)
    {
        var name = directive is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (name == "replace")
        {
            var replacement = (JsonObject)patch.DeepClone();
            replacement.Remove(Directive);
            return replacement;
        }
        if (name == "delete") return [];
        throw BadPatchType(directive, patch);
    }

    /// <summary>A value the original lacks (or holds with another type) is taken from the patch without nulls and directives.</summary>
    private static void SetNew(JsonObject original, string key, JsonNode patchValue)
    {
        var value = patchValue.DeepClone();
        DiscardNulls(value);
        if (RemoveDirectives(value, out var cleaned)) original[key] = cleaned;
        else original.Remove(key);
    }

    /// <summary><c>$retainKeys</c>: keys of the original missing from the list are cleared; the patch may only set listed keys.</summary>
    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(RetainKeys, out var retain)) return;
        patch.Remove(RetainKeys);
        if (retain is not JsonArray list) throw PatchFailure.Bad("invalid patch format of retainKeys");
        var keep = list.Select(k => k is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToHashSet();
        foreach (var (key, value) in patch)
        {
            if (value is null || key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) || key.StartsWith(SetElementOrder, StringComparison.Ordinal)) continue;
            if (!keep.Contains(key)) throw PatchFailure.Bad("invalid patch format of retainKeys");
        }
        foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList()) original.Remove(key);
    }

    /// <summary>Drops every map holding <c>$patch</c>; returns false when <paramref name="node"/> itself is one.</summary>
    private static bool RemoveDirectives(JsonNode? node, out JsonNode? cleaned)
    {
        cleaned = node;
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey(Directive)) return false;
                foreach (var (key, child) in obj.ToList())
                {
                    if (!RemoveDirectives(child, out _)) obj.Remove(key);
                }
                return true;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                    if (!RemoveDirectives(array[i], out _)) array.RemoveAt(i);
                return true;
            default:
                return true;
        }
    }

    private static void DiscardNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is null) obj.Remove(key);
                    else DiscardNulls(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array) DiscardNulls(item);
                break;
        }
    }

    /// <summary>The list name after <c>$setElementOrder/</c> or <c>$deleteFromPrimitiveList/</c>.</summary>
    private static string ExtractKey(string key, string prefix)
    {
        var slash = key.IndexOf('/');
        if (slash >= 0 && key[..slash] == prefix) return key[(slash + 1)..];
        throw PatchFailure.Bad(prefix == SetElementOrder ? "invalid patch format of setElementOrder list" : "invalid patch format of primitive list");
    }

    private static PatchFailure BadPatchType(JsonNode? directive, JsonObject map) =>
        PatchFailure.Unexpected($"unknown patch type: {GoValues.FormatS(directive)} in map: {GoValues.Format(map)}");

    private static PatchFailure NoMergeKey(JsonNode? map, string mergeKey) =>
        PatchFailure.Unexpected($"map: {GoValues.Format(map)} does not contain declared merge key: {mergeKey}");

    private static PatchFailure BadArgType(string expected, JsonNode? actual) =>
        PatchFailure.Unexpected($"expected a {expected}, but received a {GoValues.TypeName(actual)}");
}
