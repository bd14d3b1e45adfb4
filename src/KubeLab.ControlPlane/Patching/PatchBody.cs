using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using YamlDotNet.Core;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// Reads patch bodies as the apiserver's decoders read them, with their error texts: Go's JSON
/// syntax and type errors (sigs.k8s.io/json), sigs.k8s.io/yaml's wrapping for apply bodies, and
/// duplicate keys reported as strict-decoding errors rather than failures.
/// </summary>
internal static class PatchBody
{
    public const string GoMap = "map[string]interface {}";

    /// <summary>Parses JSON; a syntax error becomes a 400 whose message is <paramref name="prefix"/> plus Go's text.</summary>
    public static JsonNode? ParseJson(ReadOnlySpan<byte> body, string prefix, List<string>? duplicates)
    {
        if (GoJsonSyntax.Check(body, JsonTree.MaxDepth) is { } error) throw PatchFailure.Bad(prefix + error);
        try
        {
            return JsonTree.Parse(body, duplicates);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw PatchFailure.Bad(prefix + e.Message);
        }
    }

    /// <summary>Parses an apply body (YAML or JSON) into an object, worded as yaml.Unmarshal into a map words its errors.</summary>
    public static JsonObject? ParseApply(ReadOnlySpan<byte> body)
    {
        JsonNode? node;
        try
        {
            node = YamlToJson.Convert(Encoding.UTF8.GetString(body));
        }
        catch (YamlException e)
        {
            var line = e.Start.Line > 0 ? $"line {e.Start.Line}: " : "";
            throw PatchFailure.Bad($"error decoding YAML: error converting YAML to JSON: yaml: {line}{GoStyle(e.Message)}");
        }
        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw PatchFailure.Bad($"error decoding YAML: error unmarshaling JSON: while decoding JSON: {CannotUnmarshal(node, GoMap)}"),
        };
    }

    /// <summary>The strict-decoding error for a duplicate key at <paramref name="path"/>.</summary>
    public static string DuplicateField(string path) => $"duplicate field {GoValues.Quote(path)}";

    public static string UnknownField(string path) => $"unknown field {GoValues.Quote(path)}";

    /// <summary>json.UnmarshalTypeError for a value that does not fit the Go type.</summary>
    public static string CannotUnmarshal(JsonNode node, string goType) =>
        $"json: cannot unmarshal {GoKind(node)} into Go value of type {goType}";

    public static string CannotUnmarshalField(JsonNode node, string structName, string field, string goType) =>
        $"json: cannot unmarshal {GoKind(node)} into Go struct field {structName}.{field} of type {goType}";

    private static string GoKind(JsonNode node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "bool",
        },
    };

    /// <summary>go-yaml words its messages in lower case without a final period.</summary>
    private static string GoStyle(string message)
    {
        var text = message;
        var closing = text.IndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith('(') && closing > 0) text = text[(closing + 3)..];
        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
