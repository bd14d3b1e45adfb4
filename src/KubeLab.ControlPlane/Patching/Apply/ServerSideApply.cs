using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>): merges the applied configuration onto the
/// live object and keeps <c>metadata.managedFields</c>, after structured-merge-diff's Updater.Apply:
/// the applier owns exactly the fields of its configuration; fields it applied before and no longer
/// applies are removed when nobody else owns them; changing a field another manager owns is a
/// conflict unless forced, and forcing takes the field away from that manager.
/// Simplified: one merge key per list (upstream keys ports by containerPort and protocol), no
/// version conversion of other managers' sets, no "before-first-apply" entry, no cap on the number
/// of Update entries, and free-form JSON parts of a type count as objects of scalars and atomic lists.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(JsonObject? current, JsonObject? config, Type objectType, PatchOptions options)
    {
        config ??= [];
        ApplyValidation.Check(config, objectType, options.ApiVersion);
        var manager = options.FieldManager ?? "";
        var shape = ApplyShape.Of(objectType);

        var live = (JsonObject?)current?.DeepClone() ?? [];
        var entries = TakeManagedFields(live);
        var mine = entries.FirstOrDefault(e => e.Is(manager, "Apply", options.Subresource));
        var others = entries.Where(e => e != mine).ToList();
        var applied = AppliedFields.Of(config, shape, options.Subresource);

        var merged = ApplyMerge.Merge(live, config, shape);
        Prune(merged, shape, mine?.Fields, applied, others);
        UpdateOwners(live, merged, shape, others, options);

        var changed = !JsonNode.DeepEquals(live, merged);
        var result = others.Where(e => !e.Fields.IsEmpty).ToList();
        if (!applied.IsEmpty)
        {
            result.Add(new ManagerEntry
            {
                Manager = manager,
                Operation = "Apply",
                ApiVersion = options.ApiVersion,
                Time = changed ? options.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : mine?.Time,
                Subresource = string.IsNullOrEmpty(options.Subresource) ? null : options.Subresource,
                Fields = applied,
            });
        }
        result.Sort(ManagerEntry.Compare);
        if (result.Count > 0)
        {
            if (merged["metadata"] is not JsonObject metadata) merged["metadata"] = metadata = [];
            metadata["managedFields"] = new JsonArray(result.Select(e => (JsonNode?)e.ToJson()).ToArray());
        }
        return merged;
    }

    private static List<ManagerEntry> TakeManagedFields(JsonObject live)
    {
        if (live["metadata"] is not JsonObject metadata || metadata["managedFields"] is not JsonArray entries) return [];
        metadata.Remove("managedFields");
        return entries.OfType<JsonObject>().Select(ManagerEntry.Read).ToList();
    }

    /// <summary>Removes what the applier applied last time but not now, unless some manager owns it or something below it.</summary>
    private static void Prune(JsonObject merged, ApplyShape shape, FieldSet? last, FieldSet applied, List<ManagerEntry> others)
    {
        if (last is null) return;
        var owned = others.Aggregate(applied, (set, e) => set.Union(e.Fields));
        foreach (var path in last.Except(owned).Paths().Reverse())
        {
            if (owned.HasBelow(path)) continue;
            FieldLocator.Remove(merged, shape, path);
        }
    }

    /// <summary>
    /// Other managers lose the fields the apply removed; fields it changed are conflicts, which fail
    /// the request unless forced (or explained by kubectl's last-applied annotation), in which case
    /// those managers lose them too.
    /// </summary>
    private static void UpdateOwners(JsonObject live, JsonObject merged, ApplyShape shape, List<ManagerEntry> others, PatchOptions options)
    {
        var conflicts = new List<ApplyConflict>();
        var removals = new List<(ManagerEntry Owner, PathElement[] Path)>();
        foreach (var owner in others)
        {
            foreach (var path in owner.Fields.Paths().Where(p => AppliedFields.InScope(p, options.Subresource)))
            {
                var before = FieldLocator.Find(live, shape, path);
                var after = FieldLocator.Find(merged, shape, path);
                if (FieldLocator.Changed(before, after)) conflicts.Add(new ApplyConflict(owner, path));
                else if (before is not null && after is null) removals.Add((owner, path));
            }
        }
        if (conflicts.Count > 0 && !options.Force)
        {
            var remaining = LastAppliedUpgrade.Remaining(conflicts, options.FieldManager ?? "", live, shape, options.ApiVersion);
            if (remaining.Count > 0) throw ApplyConflict.ToStatus(remaining);
        }
        foreach (var (owner, path) in conflicts.Select(c => (c.Owner, c.Path)).Concat(removals))
        {
            owner.Fields = owner.Fields.Except(Single(path));
        }
    }

    private static FieldSet Single(PathElement[] path)
    {
        var set = new FieldSet();
        set.Insert(path);
        return set;
    }
}
