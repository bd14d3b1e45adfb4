using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Patching.Strategic;

/// <summary>
/// The client side of strategic merge patch: apimachinery's <c>CreateThreeWayMergePatch</c>, which
/// <c>kubectl apply</c> uses to turn the last applied configuration, the new manifest and the live object into a
/// patch. Changes and additions come from live → new, deletions from last applied → new; lists with a merge key
/// diff element-wise (with <c>$setElementOrder</c> and <c>$patch: delete</c>), sets of primitives with
/// <c>$deleteFromPrimitiveList</c>, and <c>retainKeys</c> fields list their keys.
/// </summary>
internal static class StrategicDiff
{
    private const string SetElementOrder = "$setElementOrder";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList";
    private const string RetainKeys = "$retainKeys";
    private const string Directive = "$patch";

    private sealed record Options(bool IgnoreChangesAndAdditions, bool IgnoreDeletions, bool BuildRetainKeys = false);

    public static JsonObject ThreeWay(JsonObject? original, JsonObject modified, JsonObject current, PatchSchema schema)
    {
        var delta = DiffMaps(current, modified, schema, new Options(IgnoreChangesAndAdditions: false, IgnoreDeletions: true));
        var deletions = DiffMaps(original ?? [], modified, schema, new Options(IgnoreChangesAndAdditions: true, IgnoreDeletions: false));
        return MergePatches(deletions, delta);
    }

    public static JsonObject TwoWay(JsonObject original, JsonObject modified, PatchSchema schema) =>
        DiffMaps(original, modified, schema, new Options(IgnoreChangesAndAdditions: false, IgnoreDeletions: false));

    private static JsonObject DiffMaps(JsonObject original, JsonObject modified, PatchSchema schema, Options options)
    {
        var patch = new JsonObject();
        var retainKeys = new List<JsonNode?>();
        foreach (var (key, modifiedValue) in modified)
        {
            if (options.BuildRetainKeys && modifiedValue is not null) retainKeys.Add(key);
            if (!original.TryGetPropertyValue(key, out var originalValue))
            {
                if (!options.IgnoreChangesAndAdditions) patch[key] = modifiedValue?.DeepClone();
                continue;
            }
            if (key == Directive)
            {
                if (!DeepEqual(originalValue, modifiedValue)) patch[key] = modifiedValue?.DeepClone();
                continue;
            }
            if (TypeOf(originalValue) != TypeOf(modifiedValue))
            {
                if (!options.IgnoreChangesAndAdditions) patch[key] = modifiedValue?.DeepClone();
                continue;
            }
            switch (originalValue)
            {
                case JsonObject originalMap:
                    MapDiff(key, originalMap, (JsonObject)modifiedValue!, patch, schema, options);
                    break;
                case JsonArray originalList:
                    SliceDiff(key, originalList, (JsonArray)modifiedValue!, patch, schema, options);
                    break;
                default:
                    ReplaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
                    break;
            }
        }
        if (!options.IgnoreDeletions)
            foreach (var (key, _) in original)
                if (!modified.ContainsKey(key)) patch[key] = null;
        if (retainKeys.Count > 0 && (patch.Count > 0 || original.Any(kv => kv.Value is not null && !modified.ContainsKey(kv.Key))))
            patch[RetainKeys] = new JsonArray(SortScalars(retainKeys).ToArray());
        return patch;
    }

    private static void MapDiff(string key, JsonObject original, JsonObject modified, JsonObject patch, PatchSchema schema, Options options)
    {
        var (subschema, meta) = schema.LookupMap(key);
        if (meta.Strategy == "replace")
        {
            if (!options.IgnoreChangesAndAdditions) patch[key] = modified.DeepClone();
            return;
        }
        var value = DiffMaps(original, modified, subschema, options with { BuildRetainKeys = HasRetainKeys(schema, key) });
        if (value.Count > 0) patch[key] = value;
    }

    private static void SliceDiff(string key, JsonArray original, JsonArray modified, JsonObject patch, PatchSchema schema, Options options)
    {
        var (subschema, meta) = schema.LookupList(key);
        if (meta.Strategy != "merge")
        {
            ReplaceIfNotEqual(key, original, modified, patch, options);
            return;
        }
        var (add, delete, order) = DiffLists([.. original], [.. modified], subschema, meta.MergeKey, options with { BuildRetainKeys = HasRetainKeys(schema, key) });
        if (add.Count > 0) patch[key] = new JsonArray(add.Select(n => n?.DeepClone()).ToArray());
        if (delete.Count > 0) patch[$"{DeleteFromPrimitiveList}/{key}"] = new JsonArray(delete.Select(n => n?.DeepClone()).ToArray());
        if (order.Count > 0) patch[$"{SetElementOrder}/{key}"] = new JsonArray(order.Select(n => n?.DeepClone()).ToArray());
    }

    private static (List<JsonNode?> Add, List<JsonNode?> Delete, List<JsonNode?> Order) DiffLists(List<JsonNode?> original, List<JsonNode?> modified,
        PatchSchema schema, string mergeKey, Options options)
    {
        if (original.Count == 0)
            return modified.Count == 0 || options.IgnoreChangesAndAdditions ? ([], [], []) : (modified, [], []);
        var ofMaps = original.Concat(modified).FirstOrDefault(n => n is not null) is JsonObject;
        if (ofMaps)
        {
            var (patchList, deleteList) = DiffListsOfMaps(original, modified, schema, mergeKey, options);
            patchList = NormalizeOrder(patchList, modified, mergeKey);
            var orderSame = original.Count == modified.Count
                && original.Zip(modified).All(p => DeepEqual(p.First?[mergeKey], p.Second?[mergeKey]));
            patchList.AddRange(deleteList);
            var order = new List<JsonNode?>();
            if ((!options.IgnoreChangesAndAdditions && (patchList.Count > 0 || !orderSame)) || (!options.IgnoreDeletions && patchList.Count > 0))
                order.AddRange(modified.Select(m => (JsonNode?)new JsonObject { [mergeKey] = m?[mergeKey]?.DeepClone() }));
            return (patchList, [], order);
        }
        var (adds, deletes) = DiffListsOfScalars(original, modified, options);
        adds = NormalizeOrder(adds, modified, null);
        var setOrder = (!options.IgnoreDeletions && deletes.Count > 0) || (!options.IgnoreChangesAndAdditions && !DeepEqual(new JsonArray(original.Select(n => n?.DeepClone()).ToArray()), new JsonArray(modified.Select(n => n?.DeepClone()).ToArray())))
            ? modified : [];
        return (adds, deletes, setOrder);
    }

    private static (List<JsonNode?> Add, List<JsonNode?> Delete) DiffListsOfScalars(List<JsonNode?> original, List<JsonNode?> modified, Options options)
    {
        var o = SortScalars(original);
        var m = SortScalars(modified);
        var add = new List<JsonNode?>();
        var delete = new List<JsonNode?>();
        int i = 0, j = 0;
        while (i < o.Count || j < m.Count)
        {
            var os = i < o.Count ? Sprint(o[i]) : null;
            var ms = j < m.Count ? Sprint(m[j]) : null;
            if (os is not null && ms is not null && os == ms) { i++; j++; }
            else if (os is null || (ms is not null && string.CompareOrdinal(os, ms) > 0))
            {
                if (!options.IgnoreChangesAndAdditions) add.Add(m[j]);
                j++;
            }
            else
            {
                if (!options.IgnoreDeletions) delete.Add(o[i]);
                i++;
            }
        }
        return (add, Deduplicate(delete));
    }

    private static (List<JsonNode?> Patch, List<JsonNode?> Delete) DiffListsOfMaps(List<JsonNode?> original, List<JsonNode?> modified,
        PatchSchema schema, string mergeKey, Options options)
    {
        var patch = new List<JsonNode?>();
        var delete = new List<JsonNode?>();
        var o = original.OrderBy(n => Sprint(n?[mergeKey]), StringComparer.Ordinal).ToList();
        var m = modified.OrderBy(n => Sprint(n?[mergeKey]), StringComparer.Ordinal).ToList();
        int i = 0, j = 0;
        while (i < o.Count || j < m.Count)
        {
            var os = i < o.Count ? Sprint(o[i]?[mergeKey]) : null;
            var ms = j < m.Count ? Sprint(m[j]?[mergeKey]) : null;
            if (os is not null && ms is not null && os == ms)
            {
                var value = DiffMaps((JsonObject)o[i]!, (JsonObject)m[j]!, schema, options);
                if (value.Count > 0)
                {
                    value[mergeKey] = m[j]![mergeKey]?.DeepClone();
                    patch.Add(value);
                }
                i++;
                j++;
            }
            else if (os is null || (ms is not null && string.CompareOrdinal(os, ms) > 0))
            {
                if (!options.IgnoreChangesAndAdditions) patch.Add(m[j]?.DeepClone());
                j++;
            }
            else
            {
                if (!options.IgnoreDeletions) delete.Add(new JsonObject { [mergeKey] = o[i]![mergeKey]?.DeepClone(), [Directive] = "delete" });
                i++;
            }
        }
        return (patch, delete);
    }

    /// <summary>normalizeSliceOrder: items in the order their key (or value) has in <paramref name="order"/>; $patch items last.</summary>
    private static List<JsonNode?> NormalizeOrder(List<JsonNode?> items, List<JsonNode?> order, string? mergeKey)
    {
        var toDelete = mergeKey is null ? [] : items.Where(n => n is JsonObject o && o.ContainsKey(Directive)).ToList();
        var rest = items.Except(toDelete).ToList();
        int Index(JsonNode? item) => order.FindIndex(x => mergeKey is null ? DeepEqual(x, item) : DeepEqual(x?[mergeKey], item?[mergeKey]));
        // sort.SliceStable with "found in order" ranking; items not found keep their relative place at the front.
        var sorted = rest.Select((item, position) => (item, position, index: Index(item)))
            .OrderBy(t => t.index < 0 ? -1 : t.index).ThenBy(t => t.position).Select(t => t.item).ToList();
        sorted.AddRange(toDelete);
        return sorted;
    }

    /// <summary>Merges the deletions patch with the changes patch (both built from the same new manifest).</summary>
    private static JsonObject MergePatches(JsonObject deletions, JsonObject delta)
    {
        var merged = (JsonObject)deletions.DeepClone();
        foreach (var (key, value) in delta)
        {
            if (merged[key] is JsonObject left && value is JsonObject right && !right.ContainsKey(Directive))
                merged[key] = MergePatches(left, right);
            else if (merged[key] is JsonArray leftList && value is JsonArray rightList && !key.StartsWith('$'))
                merged[key] = new JsonArray([.. rightList.Select(n => n?.DeepClone()), .. leftList.Select(n => n?.DeepClone())]);
            else merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static void ReplaceIfNotEqual(string key, JsonNode? original, JsonNode? modified, JsonObject patch, Options options)
    {
        if (options.IgnoreChangesAndAdditions || DeepEqual(original, modified)) return;
        patch[key] = modified?.DeepClone();
    }

    private static bool HasRetainKeys(PatchSchema schema, string key) =>
        schema.Type is { } type && WireSchema.Fields(type).TryGetValue(key, out var field) && field.PatchStrategy?.Contains("retainKeys") == true;

    private static string TypeOf(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject => "map",
        JsonArray => "slice",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "float64",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "nil",
        },
        _ => "?",
    };

    /// <summary>reflect.DeepEqual on values json.Unmarshal made (numbers are float64).</summary>
    public static bool DeepEqual(JsonNode? a, JsonNode? b)
    {
        if (TypeOf(a) != TypeOf(b)) return false;
        return (a, b) switch
        {
            (null, null) => true,
            (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(kv => y.TryGetPropertyValue(kv.Key, out var other) && DeepEqual(kv.Value, other)),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => DeepEqual(p.First, p.Second)),
            (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number => Number(x) == Number(y),
            _ => JsonNode.DeepEquals(a, b),
        };
    }

    private static double Number(JsonValue value) =>
        double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static List<JsonNode?> SortScalars(IEnumerable<JsonNode?> values) => values.OrderBy(Sprint, StringComparer.Ordinal).ToList();

    private static List<JsonNode?> Deduplicate(List<JsonNode?> values)
    {
        var result = new List<JsonNode?>();
        foreach (var value in values)
            if (!result.Any(r => DeepEqual(r, value))) result.Add(value);
        return result;
    }

    private static string Sprint(JsonNode? node) => GoValues.Format(node);
}
