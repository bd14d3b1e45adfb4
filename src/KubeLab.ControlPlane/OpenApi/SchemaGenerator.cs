using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.OpenApi;

/// <summary>
/// Turns wire types into OpenAPI v3 component schemas, named as Kubernetes names them
/// (<c>io.k8s.api.core.v1.Pod</c>), by walking <see cref="WireSchema"/>.
/// </summary>
internal sealed class SchemaGenerator
{
    private const string Time = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    private const string QuantityName = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private const string IntOrStringName = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    public JsonObject Schemas { get; } = new();

    public static string NameOf(Type type)
    {
        var ns = type.Namespace ?? "";
        var prefix = ns[(ns.LastIndexOf('.') + 1)..] switch
        {
            "Meta" => "io.k8s.apimachinery.pkg.apis.meta.v1",
            "Apps" => "io.k8s.api.apps.v1",
            "Autoscaling" => "io.k8s.api.autoscaling.v1",
            "AutoscalingV2" => "io.k8s.api.autoscaling.v2",
            "Networking" => "io.k8s.api.networking.v1",
            "Policy" => "io.k8s.api.policy.v1",
            _ => "io.k8s.api.core.v1",
        };
        return $"{prefix}.{type.Name}";
    }

    /// <summary>Adds <paramref name="type"/> and everything it references; returns a reference to it.</summary>
    public JsonObject Reference(Type type, JsonArray? groupVersionKind = null)
    {
        var name = NameOf(type);
        if (!Schemas.ContainsKey(name))
        {
            var schema = new JsonObject { ["type"] = "object" };
            Schemas[name] = schema;
            var properties = new JsonObject();
            foreach (var field in WireSchema.Fields(type).Values)
                properties[field.JsonName] = Property(field.Type, field.MergeKey);
            schema["properties"] = properties;
            if (groupVersionKind is not null) schema["x-kubernetes-group-version-kind"] = groupVersionKind;
        }
        return Ref(name);
    }

    private JsonNode Property(Type type, string? mergeKey = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int)) return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        if (type == typeof(long)) return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        if (type == typeof(byte[])) return new JsonObject { ["type"] = "string", ["format"] = "byte" };
        if (type == typeof(DateTimeOffset)) return Define(Time, new JsonObject { ["type"] = "string", ["format"] = "date-time" });
        if (type == typeof(Quantity)) return Define(QuantityName, new JsonObject { ["type"] = "string" });
        if (type == typeof(IntOrString)) return Define(IntOrStringName, new JsonObject { ["type"] = "string", ["format"] = "int-or-string" });
        if (typeof(JsonNode).IsAssignableFrom(type)) return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        if (WireSchema.IsMap(type)) return new JsonObject { ["type"] = "object", ["additionalProperties"] = Property(WireSchema.ElementType(type)!) };
        if (WireSchema.IsList(type))
        {
            var list = new JsonObject { ["type"] = "array", ["items"] = Property(WireSchema.ElementType(type)!) };
            if (mergeKey is not null)
            {
                list["x-kubernetes-patch-merge-key"] = mergeKey;
                list["x-kubernetes-patch-strategy"] = "merge";
            }
            return list;
        }
        return new JsonObject { ["allOf"] = new JsonArray(Reference(type)) };
    }

    private JsonObject Define(string name, JsonObject schema)
    {
        Schemas[name] ??= schema;
        return new JsonObject { ["allOf"] = new JsonArray(Ref(name)) };
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };
}
