namespace KubeLab.Scenarios.Loading;

/// <summary>
/// The keys one kind of mapping accepts. The loader rejects every other key with these tables,
/// and a test holds them equal to the JSON Schema's properties, so editors and the loader agree.
/// </summary>
/// <param name="Name">The schema definition that describes this mapping ("lesson" is the schema's root).</param>
/// <param name="Nested">Mappings inside this one, for "it belongs under 'expect'" hints.</param>
internal sealed record Shape(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, IReadOnlyList<Shape>? Nested = null)
{
    public IEnumerable<string> Keys => Required.Concat(Optional);

    public bool Accepts(string key) => Required.Contains(key) || Optional.Contains(key);
}
