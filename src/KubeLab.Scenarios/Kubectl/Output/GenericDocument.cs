using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// The document kubectl get hands to its non-table printers (kubectl's <c>printGeneric</c>): the
/// object itself when the command named exactly one, otherwise a <c>List</c> of every object
/// fetched, whatever their kinds, with <c>"metadata": {"resourceVersion": ""}</c>.
/// </summary>
public static class GenericDocument
{
    /// <param name="items">Every object, in the order kubectl fetched them (see <see cref="ItemsOf"/>).</param>
    /// <param name="singleItemImplied">The command named one object (<c>get pod web</c>), not a type or several names.</param>
    public static JsonObject Build(IReadOnlyList<JsonObject> items, bool singleItemImplied)
    {
        if (singleItemImplied && items.Count == 1) return (JsonObject)items[0].DeepClone();
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
        };
    }

    /// <summary>
    /// The items of a list response. The server leaves <c>kind</c> and <c>apiVersion</c> off list
    /// items; kubectl's decoder fills them in from the list (<c>PodList</c> gives <c>Pod</c>).
    /// </summary>
    public static IReadOnlyList<JsonObject> ItemsOf(JsonObject list)
    {
        var listKind = (string?)list["kind"] ?? "";
        var itemKind = listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : listKind;
        var apiVersion = (string?)list["apiVersion"] ?? "";
        var items = new List<JsonObject>();
        foreach (var node in list["items"]?.AsArray() ?? [])
        {
            if (node is not JsonObject item) continue;
            var copy = (JsonObject)item.DeepClone();
            if (string.IsNullOrEmpty((string?)copy["kind"]) && string.IsNullOrEmpty((string?)copy["apiVersion"]))
            {
                copy["kind"] = itemKind;
                copy["apiVersion"] = apiVersion;
            }
            items.Add(copy);
        }
        return items;
    }

    /// <summary>
    /// kubectl's <c>OmitManagedFieldsPrinter</c>: -o json and -o yaml drop
    /// <c>metadata.managedFields</c> (of the object, or of each list item) unless
    /// <c>--show-managed-fields</c>. JSONPath and name output keep everything.
    /// </summary>
    public static JsonObject WithoutManagedFields(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        if (copy["items"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>()) Strip(item);
        }
        else
        {
            Strip(copy);
        }
        return copy;
    }

    private static void Strip(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata) metadata.Remove("managedFields");
    }
}
