namespace KubeLab.Scenarios.Http;

/// <summary>One header line as it goes on the wire: <c>Name: Value</c>, in the order it is written.</summary>
public readonly record struct HeaderField(string Name, string Value)
{
    public override string ToString() => $"{Name}: {Value}";

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<HeaderField> From(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Select(h => new HeaderField(h.Key, h.Value)).ToList();
}
