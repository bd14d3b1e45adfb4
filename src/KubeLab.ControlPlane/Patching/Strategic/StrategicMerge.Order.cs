using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Strategic;

/// <summary>
/// Element order of merged lists: <c>$setElementOrder/&lt;list&gt;</c> first, then the order of the
/// patch list, then the order of the live list, each keeping the relative order of the others.
/// </summary>
internal static partial class StrategicMerge
{
    /// <summary>Merges each list that has a <c>$setElementOrder</c> directive and puts it in that order.</summary>
    private static void MergeOrderedLists(JsonObject original, JsonObject patch, PatchSchema schema)
    {
        foreach (var (directiveKey, orderNode) in patch.ToList())
        {
            if (!directiveKey.StartsWith(SetElementOrder, StringComparison.Ordinal)) continue;
            patch.Remove(directiveKey);
            if (orderNode is not JsonArray orderArray) throw BadArgType(GoSlice, orderNode);
            var key = ExtractKey(directiveKey, SetElementOrder);
            var foundOriginal = original.TryGetPropertyValue(key, out var originalNode);
            var foundPatch = patch.TryGetPropertyValue(key, out var patchNode);
            if (foundOriginal && originalNode is not JsonArray) throw BadArgType(GoSlice, originalNode);
            if (foundPatch && patchNode is not JsonArray) throw BadArgType(GoSlice, patchNode);
            var originalList = foundOriginal ? ToList((JsonArray)originalNode!) : [];
            var patchList = foundPatch ? ToList((JsonArray)patchNode!) : [];
            var order = ToList(orderArray);
            var (itemSchema, meta) = schema.LookupList(key);
            ValidateOrder(patchList, order, meta.MergeKey);

            List<JsonNode?> merged;
            if (foundOriginal && foundPatch)
                merged = [.. MergeListHandler((JsonArray)originalNode!, (JsonArray)patchNode!, itemSchema, meta, isDeleteList: false).Select(n => n?.DeepClone())];
            else if (foundOriginal)
                merged = originalList;
            else if (foundPatch)
                merged = RemoveDirectives(ToArray(patchList), out var cleaned) ? ToList((JsonArray)cleaned!) : [];
            else
                continue;

            var (patchItems, serverOnly) = Partition(merged, order, meta.MergeKey);
            var ofMaps = ElementsAreMaps(originalList, patchList);
            original[key] = ToArray(NormalizeOrder(patchItems, serverOnly, order, originalList, meta.MergeKey, ofMaps));
            patch.Remove(key);
        }
    }

    /// <summary>The patch list must list its elements in an order the <c>$setElementOrder</c> list agrees with.</summary>
    private static void ValidateOrder(List<JsonNode?> patchList, List<JsonNode?> order, string mergeKey)
    {
        if (order.Count == 0 || patchList.Count == 0) return;
        var items = mergeKey.Length > 0 ? SplitDeletions(patchList).Keep : patchList;
        int p = 0, o = 0;
        while (p < items.Count && o < order.Count)
        {
            if (items[p] is JsonObject m && m.ContainsKey(Directive))
            {
                p++;
                continue;
            }
            if (MergeKeyEquals(items[p], order[o], mergeKey)) p++;
            o++;
        }
        if (p < items.Count && o >= order.Count)
            throw PatchFailure.Unexpected($"The order in patch list:\n{GoValues.Format(ToArray(patchList))}\n doesn't match {SetElementOrder} list:\n{GoValues.Format(ToArray(order))}\n");
    }

    private static bool MergeKeyEquals(JsonNode? left, JsonNode? right, string mergeKey)
    {
        if (mergeKey.Length == 0) return GoValues.ScalarEquals(left, right);
        if (left is not JsonObject l) throw BadArgType(GoMap, left);
        if (right is not JsonObject r) throw BadArgType(GoMap, right);
        if (!l.TryGetPropertyValue(mergeKey, out var lv)) throw NoMergeKey(l, mergeKey);
        if (!r.TryGetPropertyValue(mergeKey, out var rv)) throw NoMergeKey(r, mergeKey);
        return GoValues.ScalarEquals(lv, rv);
    }

    /// <summary>Splits <paramref name="items"/> into those present in <paramref name="by"/> and the rest.</summary>
    private static (List<JsonNode?> Present, List<JsonNode?> Absent) Partition(List<JsonNode?> items, List<JsonNode?> by, string mergeKey)
    {
        var present = new List<JsonNode?>();
        var absent = new List<JsonNode?>();
        foreach (var item in items)
        {
            bool found;
            if (mergeKey.Length == 0)
            {
                found = by.Any(b => GoValues.ScalarEquals(b, item));
            }
            else
            {
                if (item is not JsonObject map) throw BadArgType(GoMap, item);
                if (!map.TryGetPropertyValue(mergeKey, out var keyValue)) throw NoMergeKey(map, mergeKey);
                found = FindByKey(by, mergeKey, keyValue) >= 0;
            }
            (found ? present : absent).Add(item);
        }
        return (present, absent);
    }

    /// <summary>Sorts patch items by the patch order and live-only items by the live order, then interleaves them.</summary>
    private static List<JsonNode?> NormalizeOrder(List<JsonNode?> patchItems, List<JsonNode?> serverOnly, List<JsonNode?> patchOrder, List<JsonNode?> serverOrder, string mergeKey, bool ofMaps)
    {
        var right = SortBy(patchItems, patchOrder, mergeKey, ofMaps);
        var left = SortBy(serverOnly, serverOrder, mergeKey, ofMaps);
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i >= left.Count) result.Add(right[j++]);
            else if (j >= right.Count) result.Add(left[i++]);
            else
            {
                var li = IndexIn(serverOrder, left[i], mergeKey, ofMaps);
                var ri = IndexIn(serverOrder, right[j], mergeKey, ofMaps);
                result.Add(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
            }
        }
        return result;
    }

    /// <summary>Upstream's stable sort by position in <paramref name="order"/>; <c>$patch: delete</c> elements go last.</summary>
    private static List<JsonNode?> SortBy(List<JsonNode?> items, List<JsonNode?> order, string mergeKey, bool ofMaps)
    {
        var toDelete = new List<JsonNode?>();
        var sorted = items;
        if (ofMaps)
        {
            foreach (var item in items.Concat(order))
            {
                if (item is not JsonObject map) throw BadArgType(GoMap, item);
                if (!map.ContainsKey(mergeKey)) throw NoMergeKey(map, mergeKey);
            }
            (sorted, toDelete) = SplitDeletions(items);
        }
        sorted = [.. sorted];
        // Insertion sort with upstream's comparison: an element missing from the order sorts first.
        for (var i = 1; i < sorted.Count; i++)
        {
            for (var j = i; j > 0 && Less(sorted[j], sorted[j - 1]); j--)
                (sorted[j], sorted[j - 1]) = (sorted[j - 1], sorted[j]);
        }
        return [.. sorted, .. toDelete];

        bool Less(JsonNode? a, JsonNode? b)
        {
            var ia = IndexIn(order, a, mergeKey, ofMaps);
            var ib = IndexIn(order, b, mergeKey, ofMaps);
            return ia < 0 || ib < 0 || ia < ib;
        }
    }

    private static (List<JsonNode?> Keep, List<JsonNode?> Delete) SplitDeletions(List<JsonNode?> items)
    {
        var keep = new List<JsonNode?>();
        var delete = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (item is not JsonObject map) throw BadArgType(GoMap, item);
            var isDelete = map[Directive] is JsonValue v && v.TryGetValue<string>(out var s) && s == "delete";
            (isDelete ? delete : keep).Add(item);
        }
        return (keep, delete);
    }

    private static int IndexIn(List<JsonNode?> list, JsonNode? item, string mergeKey, bool ofMaps)
    {
        var wanted = ofMaps ? (item as JsonObject)?[mergeKey] : item;
        for (var i = 0; i < list.Count; i++)
        {
            var candidate = ofMaps ? (list[i] as JsonObject)?[mergeKey] : list[i];
            if (GoValues.ScalarEquals(candidate, wanted)) return i;
        }
        return -1;
    }
}
