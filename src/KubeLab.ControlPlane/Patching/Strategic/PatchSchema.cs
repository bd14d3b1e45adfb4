using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Patching.Strategic;

/// <summary>How one field merges: Go's <c>patchStrategy</c> (without <c>retainKeys</c>) and <c>patchMergeKey</c>.</summary>
internal readonly record struct PatchMeta(string Strategy, string MergeKey)
{
    public static readonly PatchMeta None = new("", "");

    public static PatchMeta From(WireField field)
    {
        var strategies = (field.PatchStrategy ?? (field.MergeKey is null ? "" : "merge"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var strategy = strategies.FirstOrDefault(s => s != "retainKeys") ?? "";
        return new PatchMeta(strategy, field.MergeKey ?? "");
    }
}

/// <summary>
/// The strategic-merge view of a wire type, walked by JSON field name from the object's C# type
/// (see <see cref="WireSchema"/>). A null type is free-form JSON: its maps merge key by key and its
/// lists are replaced, as in a JSON merge patch.
/// </summary>
internal readonly record struct PatchSchema(Type? Type)
{
    public static readonly PatchSchema FreeForm = new(null);

    public static PatchSchema For(Type? type)
    {
        if (type is null || typeof(JsonNode).IsAssignableFrom(type)) return FreeForm;
        return new PatchSchema(Nullable.GetUnderlyingType(type) ?? type);
    }

    /// <summary>The schema and merge rules of the value under <paramref name="key"/> when that value is an object.</summary>
    public (PatchSchema Schema, PatchMeta Meta) LookupMap(string key)
    {
        if (Type is null) return (FreeForm, PatchMeta.None);
        if (WireSchema.IsMap(Type)) return (For(WireSchema.ElementType(Type)), PatchMeta.None);
        return WireSchema.Fields(Type).TryGetValue(key, out var field)
            ? (For(field.Type), PatchMeta.From(field))
            : (FreeForm, PatchMeta.None);
    }

    /// <summary>The schema of the elements and the merge rules of the list under <paramref name="key"/>.</summary>
    public (PatchSchema Schema, PatchMeta Meta) LookupList(string key)
    {
        var (schema, meta) = LookupMap(key);
        if (schema.Type is null || !WireSchema.IsList(schema.Type)) return (FreeForm, meta);
        return (For(WireSchema.ElementType(schema.Type)), meta);
    }

    /// <summary>Go's reflect Kind name of the type, as one upstream error message prints it.</summary>
    public string KindName => Type switch
    {
        null => "interface",
        _ when Type == typeof(string) => "string",
        _ when Type == typeof(bool) => "bool",
        _ when Type == typeof(int) => "int32",
        _ when Type == typeof(long) => "int64",
        _ when Type == typeof(double) => "float64",
        _ when WireSchema.IsMap(Type) => "map",
        _ when WireSchema.IsList(Type) => "slice",
        _ => "struct",
    };
}
