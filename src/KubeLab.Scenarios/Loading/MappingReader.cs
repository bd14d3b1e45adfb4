using System.Globalization;
using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// Reads one mapping against its <see cref="Shape"/>: unknown keys (with a suggestion), missing
/// required keys and values of the wrong type are reported; typed getters return null for a key
/// that is absent or wrong, so callers simply skip what they cannot use.
/// </summary>
internal sealed class MappingReader
{
    private readonly LoadContext _context;

    private MappingReader(LoadContext context, YamlMapping node, Shape shape)
    {
        _context = context;
        Node = node;
        Shape = shape;
    }

    public YamlMapping Node { get; }
    public Shape Shape { get; }

    /// <param name="what">How messages name this mapping, e.g. "a step".</param>
    public static MappingReader? Open(LoadContext context, YamlNode node, Shape shape, string what, Func<string, bool>? handled = null)
    {
        if (node is not YamlMapping mapping)
        {
            context.Error(node, $"{what} must be a mapping of keys, not {node.Describe()}");
            return null;
        }
        var suggested = new HashSet<string>();
        foreach (var (key, _) in mapping.Entries)
        {
            if (shape.Accepts(key.Value)) context.KeysSeen?.Add((shape.Name, key.Value));
            if (shape.Accepts(key.Value) || handled?.Invoke(key.Value) == true) continue;
            if (context.Saturated)
            {
                context.Error(key, "unknown key"); // counted, not shown: spare the suggestions
                continue;
            }
            context.Error(key, $"unknown key '{key.Value}' in {what}{Hint(key.Value, shape)}");
            if (Suggestions.Closest(key.Value, shape.Keys) is { } suggestion) suggested.Add(suggestion);
        }
        // A misspelt required key is reported once, as the misspelling, not again as missing.
        foreach (var key in shape.Required.Where(k => !mapping.Has(k) && !suggested.Contains(k)))
            context.Error(mapping, $"{what} is missing '{key}'");
        return new MappingReader(context, mapping, shape);
    }

    private static string Hint(string key, Shape shape)
    {
        if (shape.Nested?.FirstOrDefault(n => n.Accepts(key)) is { } nested) return $" — it belongs under '{nested.Name}'";
        var suggestion = Suggestions.DidYouMean(key, shape.Keys);
        return suggestion.Length > 0 ? suggestion : $" (known keys: {string.Join(", ", shape.Keys)})";
    }

    public YamlNode? this[string key] => Node[key] is { } value && NotEmpty(key, value) ? value : null;

    public bool Has(string key) => Node.Has(key);

    /// <summary>Where a key was written, for errors about the key rather than its value.</summary>
    public Model.SourcePosition KeyAt(string key) => Node.KeyNode(key)?.At ?? Node.At;

    public YamlScalar? Scalar(string key)
    {
        var node = this[key];
        if (node is null or YamlScalar) return node as YamlScalar;
        _context.Error(node, $"'{key}' must be text, not {node.Describe()}");
        return null;
    }

    public string? Text(string key) => Scalar(key)?.Value;

    public int? Int(string key, int min, int max)
    {
        if (Scalar(key) is not { } scalar) return null;
        if (!int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            _context.Error(scalar, $"'{key}' must be a whole number, not {scalar.Describe()}");
        else if (value < min || value > max)
            _context.Error(scalar, $"'{key}' must be between {min} and {max}, not {value}");
        else return value;
        return null;
    }

    public bool? Bool(string key)
    {
        if (Scalar(key) is not { } scalar) return null;
        if (scalar.Value is "true" or "false") return scalar.Value == "true";
        _context.Error(scalar, $"'{key}' must be true or false, not {scalar.Describe()}");
        return null;
    }

    public YamlSequence? List(string key)
    {
        var node = this[key];
        if (node is null or YamlSequence) return node as YamlSequence;
        _context.Error(node, $"'{key}' must be a list, not {node.Describe()}");
        return null;
    }

    public YamlMapping? Mapping(string key)
    {
        var node = this[key];
        if (node is null or YamlMapping) return node as YamlMapping;
        _context.Error(node, $"'{key}' must be a mapping, not {node.Describe()}");
        return null;
    }

    /// <summary>A list that may also be written as one item, e.g. <c>object: {...}</c> for <c>object: [{...}]</c>.</summary>
    public IReadOnlyList<YamlNode> OneOrMany(string key) => this[key] switch
    {
        null => [],
        YamlSequence sequence => sequence.Items,
        var single => [single],
    };

    private bool NotEmpty(string key, YamlNode value)
    {
        if (value is not YamlScalar { IsNull: true }) return true;
        _context.Error(Node.KeyNode(key)!, $"'{key}' is empty: give it a value or remove it");
        return false;
    }
}
