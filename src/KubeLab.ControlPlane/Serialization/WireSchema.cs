using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>One JSON field of a wire type, with what patching and field tracking need to know.</summary>
public sealed record WireField(string JsonName, Type Type, PropertyInfo? Property, string? MergeKey, string? PatchStrategy, int? ProtoField);

/// <summary>
/// The schema the typed wire model implies: fields by JSON name, their types and patch merge keys.
/// Strategic merge patch, managed fields, protobuf decoding and OpenAPI all read it, so a kind's
/// C# type is its single source of truth.
/// </summary>
public static class WireSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, WireField>> Cache = new();

    /// <summary>Fields of an object type by JSON name; empty for scalars, maps, lists and free-form JSON.</summary>
    public static IReadOnlyDictionary<string, WireField> Fields(Type type) => Cache.GetOrAdd(type, static t =>
    {
        if (typeof(JsonNode).IsAssignableFrom(t)) return new Dictionary<string, WireField>();
        var info = KubeJson.Options.GetTypeInfo(t);
        if (info.Kind != JsonTypeInfoKind.Object) return new Dictionary<string, WireField>();
        return info.Properties.ToDictionary(p => p.Name, p =>
        {
            var member = p.AttributeProvider as PropertyInfo;
            var merge = member?.GetCustomAttribute<PatchMergeKeyAttribute>();
            var strategy = merge?.Strategy ?? member?.GetCustomAttribute<PatchStrategyAttribute>()?.Strategy;
            return new WireField(p.Name, p.PropertyType, member, merge?.Key, strategy, member?.GetCustomAttribute<ProtoAttribute>()?.Field);
        });
    });

    /// <summary>The element type of a list, or the value type of a map; null otherwise.</summary>
    public static Type? ElementType(Type type)
    {
        var info = KubeJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        return info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary ? info.ElementType : null;
    }

    public static bool IsMap(Type type) =>
        KubeJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type).Kind == JsonTypeInfoKind.Dictionary;

    public static bool IsList(Type type) =>
        KubeJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type).Kind == JsonTypeInfoKind.Enumerable;
}
