using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// The protobuf message a C# wire type implies: its <see cref="ProtoAttribute"/> numbers over the
/// fields <see cref="WireSchema"/> lists. Free-form JSON properties refer to <see cref="KnownMessages"/> by name.
/// </summary>
internal static class ProtoSchema
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), ProtoMessage> Cache = new();

    /// <param name="messageName">The upstream message, when the C# type stands for several (see <see cref="ProtoInAttribute"/>).</param>
    public static ProtoMessage For(Type type, string? messageName = null) =>
        Cache.GetOrAdd((type, messageName ?? type.Name), static key => Build(key.Type, key.Name));

    public static ProtoMessageRef Ref(Type type, string? messageName = null) =>
        new(messageName ?? type.Name, () => For(type, messageName));

    private static ProtoMessage Build(Type type, string name)
    {
        var fields = new Dictionary<int, ProtoField>();
        foreach (var wire in WireSchema.Fields(type).Values)
        {
            if (wire.Property?.GetCustomAttribute<ProtoAttribute>() is not { } proto) continue;
            var number = wire.Property.GetCustomAttributes<ProtoInAttribute>().FirstOrDefault(p => p.Message == name)?.Field ?? proto.Field;
            if (!fields.TryAdd(number, Describe(wire, wire.Property, proto, number)))
                throw new InvalidOperationException($"{type.Name} declares protobuf field {number} twice");
        }
        return new ProtoMessage(name, fields);
    }

    private static ProtoField Describe(WireField wire, PropertyInfo property, ProtoAttribute proto, int number)
    {
        var keepZero = proto.Pointer || property.IsDefined(typeof(EmitEmptyAttribute));
        if (property.IsDefined(typeof(JsonExtensionDataAttribute)))
            return new ProtoField(number, wire.JsonName, ProtoKind.Message, ProtoCardinality.Single, keepZero, Inline: true, KnownMessages.Ref(Require(proto, wire)));

        var type = Nullable.GetUnderlyingType(wire.Type) ?? wire.Type;
        var (cardinality, element) =
            type == typeof(byte[]) ? (ProtoCardinality.Single, type)
            : WireSchema.IsMap(type) ? (ProtoCardinality.Map, WireSchema.ElementType(type)!)
            : WireSchema.IsList(type) ? (ProtoCardinality.Repeated, WireSchema.ElementType(type)!)
            : (ProtoCardinality.Single, type);
        var (kind, message) = Classify(Nullable.GetUnderlyingType(element) ?? element, property, proto, wire);
        // Go pointers are written only when set; so are byte slices, and structs that Go's JSON may leave out
        // (a value struct is always in the JSON, which the model marks with EmitEmpty).
        var optional = proto.Pointer || kind == ProtoKind.Bytes
            || (kind is ProtoKind.Message or ProtoKind.Time or ProtoKind.MicroTime or ProtoKind.Quantity or ProtoKind.IntOrString or ProtoKind.RawJson
                && !property.IsDefined(typeof(EmitEmptyAttribute)));
        return new ProtoField(number, wire.JsonName, kind, cardinality, keepZero, Inline: false, message, optional);
    }

    private static (ProtoKind, ProtoMessageRef?) Classify(Type type, PropertyInfo property, ProtoAttribute proto, WireField wire)
    {
        if (type == typeof(string)) return (ProtoKind.String, null);
        if (type == typeof(bool)) return (ProtoKind.Bool, null);
        if (type == typeof(int)) return (ProtoKind.Int32, null);
        if (type == typeof(long)) return (ProtoKind.Int64, null);
        if (type == typeof(byte[])) return (ProtoKind.Bytes, null);
        if (type == typeof(Quantity)) return (ProtoKind.Quantity, null);
        if (type == typeof(IntOrString)) return (ProtoKind.IntOrString, null);
        if (type == typeof(DateTimeOffset))
            return (property.IsDefined(typeof(MicroTimeAttribute)) ? ProtoKind.MicroTime : ProtoKind.Time, null);
        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            var name = Require(proto, wire);
            return name == "FieldsV1" ? (ProtoKind.RawJson, null) : (ProtoKind.Message, KnownMessages.Ref(name));
        }
        if (type.IsClass) return (ProtoKind.Message, Ref(type, proto.Message));
        throw new InvalidOperationException($"no protobuf encoding for {type.Name} ({property.DeclaringType?.Name}.{property.Name})");
    }

    private static string Require(ProtoAttribute proto, WireField wire) =>
        proto.Message ?? throw new InvalidOperationException(
            $"{wire.Property?.DeclaringType?.Name}.{wire.Property?.Name} is free-form JSON: its [Proto] needs Message = the upstream message name");
}
