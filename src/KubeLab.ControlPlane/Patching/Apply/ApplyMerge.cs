using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// Merges an applied configuration onto the live object as structured-merge-diff's Merge does:
/// a value the configuration specifies wins (even null), objects merge field by field, associative
/// lists and sets merge item by item with the configuration's order winning for shared items, and
/// atomic lists are replaced.
/// </summary>
internal static class ApplyMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject config, ApplyShape shape) =>
        (JsonObject)MergeValue(live, true, config, true, shape).Value!;

    private static (JsonNode? Value, bool Present) MergeValue(JsonNode? live, bool livePresent, JsonNode? config, bool configPresent, ApplyShape shape)
    {
        if (IsObjectOrAbsent(live, livePresent) && IsObjectOrAbsent(config, configPresent) && (live is JsonObject || config is JsonObject))
        {
            var (l, c) = (live as JsonObject, config as JsonObject);
            if ((l?.Count ?? 0) == 0 && (c?.Count ?? 0) == 0) return Leaf(live, config, configPresent);
            return (MergeObjects(l, c, shape), true);
        }
        if (IsArrayOrAbsent(live, livePresent) && IsArrayOrAbsent(config, configPresent) && (live is JsonArray || config is JsonArray) && shape.List != ListKind.Atomic)
        {
            var (l, c) = (live as JsonArray ?? [], config as JsonArray ?? []);
            if (l.Count == 0 && c.Count == 0) return Leaf(live, config, configPresent);
            var merged = MergeLists(l, c, shape);
            return merged.Count > 0 ? (merged, true) : (null, false);
        }
        return Leaf(live, config, configPresent);
    }

    private static (JsonNode?, bool) Leaf(JsonNode? live, JsonNode? config, bool configPresent) =>
        configPresent ? (config?.DeepClone(), true) : (live?.DeepClone(), true);

    private static bool IsObjectOrAbsent(JsonNode? node, bool present) => !present || node is null or JsonObject;

    private static bool IsArrayOrAbsent(JsonNode? node, bool present) => !present || node is null or JsonArray;

    private static JsonObject MergeObjects(JsonObject? live, JsonObject? config, ApplyShape shape)
    {
        var result = new JsonObject();
        var keys = (live?.Select(p => p.Key) ?? []).Concat(config?.Select(p => p.Key) ?? []).Distinct();
        foreach (var key in keys)
        {
            JsonNode? l = null, c = null;
            var inLive = live?.TryGetPropertyValue(key, out l) == true;
            var inConfig = config?.TryGetPropertyValue(key, out c) == true;
            var (value, present) = MergeValue(l, inLive, c, inConfig, shape.Child(key));
            if (present) result[key] = value;
        }
        return result;
    }

    /// <summary>
    /// Items only in the live list keep their place; shared items follow the configuration's order;
    /// new items from the configuration come in where the configuration puts them.
    /// </summary>
    private static JsonArray MergeLists(JsonArray live, JsonArray config, ApplyShape shape)
    {
        var (livePEs, liveItems) = Index(live, shape, "l");
        var (configPEs, configItems) = Index(config, shape, "c");
        var shared = new Queue<PathElement>(configPEs.Where(liveItems.ContainsKey));
        PathElement? nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var mergedFromConfig = new HashSet<PathElement>();
        var result = new JsonArray();
        int li = 0, ci = 0;
        while (li < livePEs.Count || ci < configPEs.Count)
        {
            if (li < livePEs.Count && ci < configPEs.Count)
            {
                var pe = livePEs[li];
                if (pe == configPEs[ci])
                {
                    mergedFromConfig.Add(pe);
                    Add(result, liveItems[pe], true, configItems[pe], shape);
                    li++;
                    ci++;
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    continue;
                }
                if (configItems.ContainsKey(pe) && nextShared is { } next && next != pe)
                {
                    li++;
                    continue;
                }
            }
            if (li < livePEs.Count)
            {
                var pe = livePEs[li];
                if (!configItems.ContainsKey(pe))
                {
                    Add(result, live[li], true, null, shape, configPresent: false);
                    li++;
                    continue;
                }
                if (mergedFromConfig.Contains(pe)) li++;
            }
            if (ci < configPEs.Count)
            {
                var pe = configPEs[ci];
                mergedFromConfig.Add(pe);
                var inLive = liveItems.TryGetValue(pe, out var liveItem);
                Add(result, liveItem, inLive, configItems[pe], shape);
                ci++;
                if (nextShared == pe) nextShared = shared.Count > 0 ? shared.Dequeue() : null;
            }
        }
        return result;
    }

    private static void Add(JsonArray result, JsonNode? live, bool livePresent, JsonNode? config, ApplyShape shape, bool configPresent = true)
    {
        var (value, present) = shape.List == ListKind.Associative
            ? MergeValue(live, livePresent, config, configPresent, shape.Item)
            : Leaf(live, config, configPresent);
        if (present) result.Add(value);
    }

    /// <summary>The path element of each item and the first item for each element; items without a key are told apart by position.</summary>
    private static (List<PathElement>, Dictionary<PathElement, JsonNode?>) Index(JsonArray list, ApplyShape shape, string side)
    {
        var elements = new List<PathElement>();
        var items = new Dictionary<PathElement, JsonNode?>();
        for (var i = 0; i < list.Count; i++)
        {
            var pe = shape.ItemElement(list[i], i) ?? new PathElement($"i:{side}{i}");
            elements.Add(pe);
            items.TryAdd(pe, list[i]);
        }
        return (elements, items);
    }
}
