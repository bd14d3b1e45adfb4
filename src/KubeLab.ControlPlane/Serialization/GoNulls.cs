using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// JSON <c>null</c> where Go keeps a zero value. Null for a struct (non-pointer) field leaves it as it was, so
/// <c>"metadata": null</c> is an empty ObjectMeta, not a missing one; null in a list of structs
/// (<c>containers: [null]</c>) is an empty struct. Null inside a <c>map[string]string</c> or a
/// <c>[]string</c> is the empty string, so <c>labels: {app: null}</c> is the label <c>app=""</c> (from JSON, YAML, or a
/// protobuf map entry without a value). .NET would store the nulls for validation and every reader to trip on; the
/// property's setter applies Go's rule as the value is stored, so decoding and its error paths stay as they are.
/// </summary>
internal static class GoNulls
{
    public static void Apply(JsonPropertyInfo property)
    {
        if (property.Set is not { } set) return;
        if (property.PropertyType == typeof(Dictionary<string, string>))
            set = Wrap(set, value => value is Dictionary<string, string> map ? Map(map) : value);
        else if (property.PropertyType == typeof(List<string>))
            set = Wrap(set, value => value is List<string> list ? List(list) : value);
        else if (StructElements(property) is { } element)
            set = Wrap(set, value => value is System.Collections.IList list ? Structs(list, element) : value);
        if (IsStructField(property)) property.Set = (owner, value) => { if (value is not null) set(owner, value); };
        else property.Set = set;
    }

    private static Action<object, object?> Wrap(Action<object, object?> set, Func<object?, object?> normalize) =>
        (owner, value) => set(owner, normalize(value));

    /// <summary>A reference-typed property declared non-nullable: a Go struct field, which null cannot unset.</summary>
    private static bool IsStructField(JsonPropertyInfo property) =>
        !property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo member
        && new NullabilityInfoContext().Create(member).WriteState == NullabilityState.NotNull;

    /// <summary>The element type of a list of structs (<c>[]Container</c>): a class with a parameterless constructor, declared non-nullable.</summary>
    private static Type? StructElements(JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(List<>) || property.AttributeProvider is not PropertyInfo member) return null;
        var element = type.GetGenericArguments()[0];
        if (element.IsValueType || element == typeof(string) || element.GetConstructor(Type.EmptyTypes) is null) return null;
        var nullability = new NullabilityInfoContext().Create(member);
        return nullability.GenericTypeArguments is [{ ReadState: NullabilityState.NotNull }] ? element : null;
    }

    private static System.Collections.IList Structs(System.Collections.IList list, Type element)
    {
        for (var i = 0; i < list.Count; i++) list[i] ??= Activator.CreateInstance(element);
        return list;
    }

    private static Dictionary<string, string> Map(Dictionary<string, string> map)
    {
        foreach (var key in map.Where(e => e.Value is null).Select(e => e.Key).ToList()) map[key] = "";
        return map;
    }

    private static List<string> List(List<string> list)
    {
        for (var i = 0; i < list.Count; i++) list[i] ??= "";
        return list;
    }
}
