using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// JSON <c>null</c> where Go keeps a zero value. Null for a struct (non-pointer) field leaves it as it was, so
/// <c>"metadata": null</c> is an empty ObjectMeta, not a missing one. Null inside a <c>map[string]string</c> or a
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
        if (IsStructField(property)) property.Set = (owner, value) => { if (value is not null) set(owner, value); };
        else property.Set = set;
    }

    private static Action<object, object?> Wrap(Action<object, object?> set, Func<object?, object?> normalize) =>
        (owner, value) => set(owner, normalize(value));

    /// <summary>A reference-typed property declared non-nullable: a Go struct field, which null cannot unset.</summary>
    private static bool IsStructField(JsonPropertyInfo property) =>
        !property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo member
        && new NullabilityInfoContext().Create(member).WriteState == NullabilityState.NotNull;

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
