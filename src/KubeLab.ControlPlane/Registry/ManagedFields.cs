using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// Records which manager set which fields (metadata.managedFields, FieldsV1 format): list items
/// with a merge key are named <c>k:{"name":"nginx"}</c>, other fields <c>f:name</c>. The set is written as
/// structured-merge-diff serializes one: <c>"."</c> first, then its elements sorted (fields by name).
/// </summary>
public static class ManagedFields
{
    private static readonly HashSet<string> SystemMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName"];

    /// <summary>
    /// Replaces <paramref name="manager"/>'s entry (same operation and subresource) with the fields it now owns.
    /// An entry whose fields did not change is kept as it was, time included, so a no-op write stays a no-op.
    /// </summary>
    public static void Record(KubeObject obj, string? manager, string operation, string apiVersion, DateTimeOffset now, string? subresource)
    {
        if (string.IsNullOrEmpty(manager)) return;
        obj.Metadata.ManagedFields ??= [];
        var fields = Patching.Apply.FieldSet.FromFieldsV1(Fields(obj, subresource)).ToFieldsV1();
        bool Mine(ManagedFieldsEntry e) => e.Manager == manager && e.Operation == operation && e.Subresource == subresource;
        if (obj.Metadata.ManagedFields.FirstOrDefault(Mine) is { FieldsV1: { } previous } && JsonNode.DeepEquals(previous, fields)) return;
        obj.Metadata.ManagedFields.RemoveAll(Mine);
        if (fields.Count == 0) return;
        obj.Metadata.ManagedFields.Add(new ManagedFieldsEntry
        {
            Manager = manager,
            Operation = operation,
            ApiVersion = apiVersion,
            Time = now,
            FieldsType = "FieldsV1",
            FieldsV1 = fields,
            Subresource = subresource,
        });
    }

    private static JsonObject Fields(KubeObject obj, string? subresource)
    {
        var json = JsonSerializer.SerializeToNode(obj, obj.GetType(), KubeJson.Options)!.AsObject();
        var result = new JsonObject();
        foreach (var (name, value) in json)
        {
            if (name is "kind" or "apiVersion") continue;
            if (subresource == "status" ? name != "status" : name == "status") continue;
            if (name == "metadata")
            {
                var meta = new JsonObject();
                foreach (var (field, child) in value!.AsObject())
                    if (!SystemMetadata.Contains(field)) meta["f:" + field] = Describe(child, WireSchema.Fields(typeof(ObjectMeta)).GetValueOrDefault(field));
                if (meta.Count > 0) result["f:metadata"] = meta;
                continue;
            }
            result["f:" + name] = Describe(value, WireSchema.Fields(obj.GetType()).GetValueOrDefault(name));
        }
        return result;
    }

    private static JsonObject Describe(JsonNode? node, WireField? field) => Describe(node, field?.Type, field?.MergeKey);

    private static JsonObject Describe(JsonNode? node, Type? type, string? mergeKey)
    {
        var set = new JsonObject();
        switch (node)
        {
            case JsonObject obj when type is not null && WireSchema.IsMap(type):
                set["."] = new JsonObject();
                foreach (var (key, child) in obj) set["f:" + key] = Describe(child, WireSchema.ElementType(type), null);
                break;
            case JsonObject obj:
                var fields = type is null ? null : WireSchema.Fields(type);
                if (fields is null || fields.Count == 0) break;
                set["."] = new JsonObject();
                foreach (var (key, child) in obj) set["f:" + key] = Describe(child, fields.GetValueOrDefault(key));
                break;
            case JsonArray array when mergeKey is { } keyName && type is not null && WireSchema.ElementType(type) is { } element:
                foreach (var item in array)
                {
                    if (item is not JsonObject itemObj || itemObj[keyName] is not { } keyValue) continue;
                    var child = Describe(item, element, null);
                    child["."] = new JsonObject();
                    set["k:" + new JsonObject { [keyName] = keyValue.DeepClone() }.ToJsonString(KubeJson.Options)] = child;
                }
                break;
        }
        if (set.ContainsKey(".") && set.Count == 1) set.Remove(".");
        return set;
    }
}
