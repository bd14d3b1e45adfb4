using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Model;

/// <summary>
/// Comparisons on a value: the text of a stream or body, or the value at <see cref="Path"/> in a
/// JSON document or object. Every comparison given must hold.
/// <list type="bullet">
/// <item><see cref="EqualTo"/>: scalars compare by their text (so <c>3</c> matches 3 and "3"); mappings and lists as JSON. Output text ignores one final newline.</item>
/// <item><see cref="Containing"/>: each entry is a substring of a text, or an element of a list.</item>
/// <item><see cref="Matching"/>: a .NET regular expression that must match somewhere (see <see cref="Patterns"/>).</item>
/// <item><see cref="Exists"/>: whether the path (or, with no path, the object) is there at all.</item>
/// </list>
/// </summary>
public sealed record ValueCheck(ObjectPath? Path, Expected? EqualTo, IReadOnlyList<JsonNode?> Containing, string? Matching, bool? Exists)
{
    public static ValueCheck Equal(string text) => new(null, new Expected(JsonValue.Create(text)), [], null, null);
}

/// <summary>An expected value; a wrapper so that <c>equals: null</c> differs from no <c>equals</c> at all.</summary>
public sealed record Expected(JsonNode? Value);

/// <summary>Which object: a resource as kubectl names it (<c>pods</c>, <c>po</c>, <c>deployments.apps</c>) and a name.</summary>
/// <param name="Resource">As written, e.g. <c>ns</c>.</param>
/// <param name="Group">The resolved API group ("" for core).</param>
/// <param name="Plural">The resolved resource, e.g. <c>namespaces</c>.</param>
/// <param name="Namespace">For namespaced resources: as written, or null for the current context's namespace.</param>
public sealed record ObjectRef(string Resource, string Group, string Plural, string Name, string? Namespace)
{
    public override string ToString() => $"{Resource}/{Name}";
}
