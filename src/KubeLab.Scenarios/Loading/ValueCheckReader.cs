using System.Text.Json.Nodes;
using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>Reads the comparisons shared by output, body and object checks: equals, contains, matches, exists, path.</summary>
internal static class ValueCheckReader
{
    /// <summary>A check written as a mapping of comparisons, or as plain text meaning <c>equals</c>.</summary>
    public static ValueCheck? Read(LoadContext context, YamlNode node, Shape shape, string what)
    {
        if (node is YamlScalar { IsNull: false } text) return ValueCheck.Equal(text.Value);
        return MappingReader.Open(context, node, shape, what) is { } map ? FromMapping(context, map, what) : null;
    }

    public static ValueCheck? FromMapping(LoadContext context, MappingReader map, string what)
    {
        var path = map.Scalar("path") is { } p ? Path(context, p) : null;
        var equals = map["equals"] is { } e ? new Expected(Value(e)) : null;
        var contains = map.OneOrMany("contains").Select(Value).ToList();
        var matches = map.Scalar("matches");
        if (matches is not null) Regex(context, matches);
        var exists = map.Bool("exists");
        if (equals is null && contains.Count == 0 && matches is null && exists is null && !map.Has("equals") && !map.Has("exists"))
            context.Error(map.Node, $"{what} compares nothing: give {string.Join(", ", map.Shape.Keys.Where(k => k is not ("path" or "ref" or "namespace")))}");
        if (map.Has("path") && path is null) return null;
        return new ValueCheck(path, equals, contains, matches?.Value, exists);
    }

    /// <summary>A YAML value as the JSON a check compares with: scalars stay text, collections become JSON.</summary>
    public static JsonNode? Value(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => JsonValue.Create(scalar.Value),
        _ => ManifestJson.Convert(node),
    };

    public static ObjectPath? Path(LoadContext context, YamlScalar scalar)
    {
        var path = ObjectPathParser.Parse(scalar.Value, out var error);
        if (error is not null) context.Error(scalar, error.Offset, $"path '{scalar.Value}': {error.Message}");
        return path;
    }

    public static void Regex(LoadContext context, YamlScalar scalar)
    {
        try
        {
            Patterns.Create(scalar.Value);
        }
        catch (ArgumentException e)
        {
            context.Error(scalar, $"'matches' is not a valid regular expression: {e.Message}");
        }
    }
}
