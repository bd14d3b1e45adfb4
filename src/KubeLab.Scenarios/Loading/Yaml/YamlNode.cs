using KubeLab.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.Scenarios.Loading.Yaml;

/// <summary>
/// A YAML node that remembers where it was written. Lessons are read from these rather than through
/// a deserializer so that every value, key and missing field can be blamed on a line and column.
/// </summary>
internal abstract class YamlNode(Mark start, Mark end)
{
    public Mark Start { get; } = start;
    public Mark End { get; } = end;
    public SourcePosition At => new((int)Start.Line, (int)Start.Column);

    /// <summary>How many nodes this one stands for once aliases are expanded: what the alias budget counts.</summary>
    public long Size { get; init; } = 1;

    /// <summary>Levels of nesting below and including this node, aliases expanded.</summary>
    public int Height { get; init; } = 1;

    /// <summary>How an error message names this node: "a mapping", "a list", "'text'".</summary>
    public abstract string Describe();
}

internal sealed class YamlScalar(string value, ScalarStyle style, Mark start, Mark end) : YamlNode(start, end)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;

    /// <summary>An empty or <c>null</c> plain scalar: YAML's way of writing nothing.</summary>
    public bool IsNull => Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "empty" : $"'{Shorten(Value)}'";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 40 ? line : line[..37] + "...";
    }
}

internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, Mark start, Mark end) : YamlNode(start, end)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Describe() => "a list";
}

/// <summary>A mapping with unique keys: a repeated key is reported while reading and only its first entry kept.</summary>
internal sealed class YamlMapping(IReadOnlyList<YamlEntry> entries, Mark start, Mark end) : YamlNode(start, end)
{
    private readonly Dictionary<string, YamlEntry> _byKey = entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);

    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public YamlNode? this[string key] => _byKey.GetValueOrDefault(key)?.Value;

    public YamlScalar? KeyNode(string key) => _byKey.GetValueOrDefault(key)?.Key;

    public bool Has(string key) => _byKey.ContainsKey(key);

    public override string Describe() => "a mapping";
}

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
