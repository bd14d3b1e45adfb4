using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Words a type mismatch in a request body as Go's encoding/json does, e.g.
/// <c>json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string</c>,
/// by walking the wire schema along the failing path.
/// </summary>
public static class GoUnmarshalError
{
    /// <summary>The message for the value at <paramref name="path"/> (<c>metadata.name</c>, <c>spec.containers[0].ports</c>); null if the path does not resolve.</summary>
    public static string? Describe(JsonNode? root, Type rootType, string path)
    {
        var node = root;
        var type = rootType;
        Type? owner = null;
        var fieldPath = new List<string>();
        foreach (var segment in Segments(path))
        {
            if (segment is int index)
            {
                node = (node as JsonArray)?[index];
                type = WireSchema.ElementType(type) ?? type;
                continue;
            }
            var name = (string)segment;
            fieldPath.Add(name);
            if (WireSchema.IsMap(type))
            {
                node = (node as JsonObject)?[name];
                type = WireSchema.ElementType(type)!;
                continue;
            }
            if (!WireSchema.Fields(type).TryGetValue(name, out var field)) return null;
            owner = type;
            node = (node as JsonObject)?[name];
            type = field.Type;
        }
        if (owner is null) return null;
        return $"json: cannot unmarshal {JsonKind(node)} into Go struct field {owner.Name}.{string.Join('.', fieldPath)} of type {GoType(type)}";
    }

    private static IEnumerable<object> Segments(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            yield return bracket < 0 ? part : part[..bracket];
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), out var index)) yield break;
                yield return index;
                bracket = part.IndexOf('[', close);
            }
        }
    }

    private static string JsonKind(JsonNode? node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "bool",
        null => "null",
        _ => "number",
    };

    private static string GoType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(int)) return "int32";
        if (type == typeof(long)) return "int64";
        if (type == typeof(byte[])) return "[]uint8";
        if (type == typeof(DateTimeOffset)) return "v1.Time";
        if (type == typeof(Quantity)) return "resource.Quantity";
        if (type == typeof(IntOrString)) return "intstr.IntOrString";
        if (typeof(JsonNode).IsAssignableFrom(type)) return "map[string]interface {}";
        if (WireSchema.IsMap(type)) return $"map[string]{GoType(WireSchema.ElementType(type)!)}";
        if (WireSchema.IsList(type)) return $"[]{GoType(WireSchema.ElementType(type)!)}";
        return $"v1.{type.Name}";
    }
}
