using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>How server-side apply treats a list: replaced whole, merged by key, or merged as a set of values.</summary>
internal enum ListKind { Atomic, Associative, Set }

/// <summary>
/// The schema of one value as server-side apply sees it, derived from the wire types: a struct with
/// declared fields, a map, a list of some <see cref="ListKind"/>, or free-form JSON (null type), whose
/// objects merge field by field and whose lists are atomic.
/// </summary>
internal sealed record ApplyShape(Type? Type, string? MergeKey = null, bool IsSet = false)
{
    public static readonly ApplyShape FreeForm = new((Type?)null);

    public static ApplyShape Of(Type? type) =>
        type is null || typeof(JsonNode).IsAssignableFrom(type) ? FreeForm : new(Nullable.GetUnderlyingType(type) ?? type);

    public ListKind List => MergeKey is not null ? ListKind.Associative : IsSet ? ListKind.Set : ListKind.Atomic;

    public bool IsMap => Type is not null && WireSchema.IsMap(Type);

    /// <summary>Whether <paramref name="key"/> is a declared field (free-form objects count every key as one).</summary>
    public bool Declares(string key) => Type is null || (!IsMap && WireSchema.Fields(Type).ContainsKey(key));

    /// <summary>Whether an object of this shape may carry <paramref name="key"/>.</summary>
    public bool Accepts(string key) => Type is null || IsMap || Declares(key) || HasExtensionData;

    public ApplyShape Child(string key)
    {
        if (Type is null) return FreeForm;
        if (IsMap) return Of(WireSchema.ElementType(Type));
        if (!WireSchema.Fields(Type).TryGetValue(key, out var field)) return FreeForm;
        var setStrategy = field.MergeKey is null && (field.PatchStrategy ?? "").Split(',').Contains("merge");
        var child = Of(field.Type);
        return child with { MergeKey = field.MergeKey, IsSet = setStrategy };
    }

    public ApplyShape Item =>
        Type is not null && WireSchema.IsList(Type) ? Of(WireSchema.ElementType(Type)) : FreeForm;

    /// <summary>The path element naming <paramref name="item"/> in a list of this shape, or null when it has no key.</summary>
    public PathElement? ItemElement(JsonNode? item, int index) => List switch
    {
        ListKind.Associative => item is JsonObject obj && obj.TryGetPropertyValue(MergeKey!, out var key) ? PathElement.Key(MergeKey!, key) : null,
        ListKind.Set => PathElement.Value(item),
        _ => new PathElement("i:" + index),
    };

    /// <summary>Why <paramref name="item"/> cannot be named in a list of this shape (structured-merge-diff's words), or null.</summary>
    public string? ItemError(JsonNode? item) => List switch
    {
        ListKind.Associative => item switch
        {
            null => "associative list with keys may not have a null element",
            JsonObject obj when !obj.ContainsKey(MergeKey!) =>
                $"associative list with keys has an element that omits key field {GoValues.Quote(MergeKey!)} (and doesn't have default value)",
            JsonObject => null,
            _ => "associative list with keys may not have non-map elements",
        },
        ListKind.Set => item switch
        {
            null => "associative list without keys has an element that's an explicit null",
            JsonObject => "associative list without keys has an element that's a map type",
            JsonArray => "not supported: associative list with lists as elements",
            _ => null,
        },
        _ => null,
    };

    private bool HasExtensionData => Type is not null &&
        Type.GetProperties().Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute)));
}
