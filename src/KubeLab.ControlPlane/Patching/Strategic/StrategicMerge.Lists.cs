using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Strategic;

/// <summary>Lists: merged element-wise by merge key, merged as sets of primitives, or replaced.</summary>
internal static partial class StrategicMerge
{
    private const string GoMap = "map[string]interface {}";
    private const string GoSlice = "[]interface {}";

    private static JsonArray MergeListHandler(JsonArray original, JsonArray patch, PatchSchema itemSchema, PatchMeta meta, bool isDeleteList)
    {
        if (meta.Strategy != "merge" && !isDeleteList) return (JsonArray)patch.DeepClone();
        return ToArray(MergeList(ToList(original), ToList(patch), itemSchema, meta.MergeKey, isDeleteList));
    }

    private static List<JsonNode?> MergeList(List<JsonNode?> original, List<JsonNode?> patch, PatchSchema itemSchema, string mergeKey, bool isDeleteList)
    {
        if (original.Count == 0 && patch.Count == 0) return original;
        var ofMaps = ElementsAreMaps(original, patch);
        List<JsonNode?> merged;
        if (!ofMaps)
        {
            if (isDeleteList) return original.Where(item => !patch.Any(d => GoValues.ScalarEquals(d, item))).ToList();
            merged = Deduplicate([.. original, .. patch]);
        }
        else
        {
            if (mergeKey.Length == 0) throw PatchFailure.Unexpected($"cannot merge lists without merge key for {itemSchema.KindName}");
            (original, patch) = ApplySpecialElements(original, patch, mergeKey);
            merged = MergeByKey(original, patch, mergeKey, itemSchema);
        }
        var (patchItems, serverOnly) = Partition(merged, patch, mergeKey);
        return NormalizeOrder(patchItems, serverOnly, patch, original, mergeKey, ofMaps);
    }

    /// <summary>Elements carrying <c>$patch</c>: <c>delete</c> removes by key, <c>replace</c> makes the patch the whole list.</summary>
    private static (List<JsonNode?> Original, List<JsonNode?> Patch) ApplySpecialElements(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var plain = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(Directive, out var directive))
            {
                plain.Add(item);
                continue;
            }
            switch (directive is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            {
                case "delete":
                    if (!map.TryGetPropertyValue(mergeKey, out var keyValue)) throw NoMergeKey(map, mergeKey);
                    int index;
                    while ((index = FindByKey(original, mergeKey, keyValue)) >= 0) original.RemoveAt(index);
                    break;
                case "replace":
                    replace = true;
                    break;
                case "merge":
                    throw PatchFailure.Unexpected("merging lists cannot yet be specified in the patch");
                default:
                    throw BadPatchType(directive, map);
            }
        }
        return replace ? (plain, []) : (original, plain);
    }

    /// <summary>Each patch element merges into the element with the same key, or is appended.</summary>
    private static List<JsonNode?> MergeByKey(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, PatchSchema itemSchema)
    {
        var merged = new List<JsonNode?>(original);
        foreach (var item in patch)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(mergeKey, out var keyValue)) throw NoMergeKey(map, mergeKey);
            var index = FindByKey(merged, mergeKey, keyValue);
            if (index < 0) merged.Add(map);
            else merged[index] = MergeMap((JsonObject)merged[index]!, map, itemSchema);
        }
        return merged;
    }

    /// <summary>The index of the map whose <paramref name="mergeKey"/> equals <paramref name="value"/>, or -1.</summary>
    private static int FindByKey(List<JsonNode?> list, string mergeKey, JsonNode? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject map) throw PatchFailure.Unexpected($"value for key {i} is not a map");
            if (map.TryGetPropertyValue(mergeKey, out var candidate) && GoValues.ScalarEquals(candidate, value)) return i;
        }
        return -1;
    }

    /// <summary>True for lists of maps; lists must not mix element types nor hold lists.</summary>
    private static bool ElementsAreMaps(params List<JsonNode?>[] lists)
    {
        string? type = null;
        foreach (var item in lists.SelectMany(l => l))
        {
            var current = GoValues.TypeName(item);
            if (type is null)
            {
                type = current;
                if (item is JsonArray) throw PatchFailure.Rejected("lists of lists are not supported");
            }
            else if (type != current)
            {
                var all = new JsonArray(lists.Select(l => (JsonNode?)ToArray(l.Select(i => i?.DeepClone()).ToList())).ToArray());
                throw PatchFailure.Unexpected($"list element types are not identical: {GoValues.Format(all)}");
            }
        }
        if (type is null) throw PatchFailure.Unexpected("no elements in any of the given slices");
        return type == GoMap;
    }

    /// <summary>Upstream's in-place deduplication: a later duplicate is overwritten by the last element.</summary>
    private static List<JsonNode?> Deduplicate(List<JsonNode?> items)
    {
        var length = items.Count - 1;
        for (var i = 0; i < length; i++)
        {
            for (var j = i + 1; j <= length; j++)
            {
                if (!GoValues.ScalarEquals(items[i], items[j])) continue;
                items[j] = items[length];
                items.RemoveAt(length);
                length--;
                j--;
            }
        }
        return items;
    }

    private static List<JsonNode?> ToList(JsonArray array) => array.Select(n => n?.DeepClone()).ToList();

    /// <summary>Builds an array from nodes that belong to no other parent.</summary>
    private static JsonArray ToArray(List<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items) array.Add(item?.Parent is null ? item : item.DeepClone());
        return array;
    }
}
