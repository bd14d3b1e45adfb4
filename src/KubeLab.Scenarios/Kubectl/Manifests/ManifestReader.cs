using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Manifests;

/// <summary>
/// Reads <c>-f</c> arguments as cli-runtime's builder does: files and folders of the learner's working directory,
/// YAML streams split on <c>---</c> lines (empty documents skipped) or JSON, each document converted to JSON as
/// sigs.k8s.io/yaml does, and <c>List</c> objects flattened into their items.
/// </summary>
internal static class ManifestReader
{
    private static readonly string[] Extensions = [".json", ".yaml", ".yml"];

    /// <summary>The files the arguments name, in order (a folder gives its manifests, sorted), each with its text.</summary>
    public static List<(string Source, string Text)> Files(Invocation invocation, IReadOnlyList<string> arguments)
    {
        var files = new List<(string, string)>();
        var all = invocation.Environment.Files;
        foreach (var argument in arguments)
        {
            if (argument == "-") throw KubectlException.Client("reading from stdin is not simulated: give a file");
            if (argument.StartsWith("http://", StringComparison.Ordinal) || argument.StartsWith("https://", StringComparison.Ordinal))
                throw KubectlException.Client($"reading {argument} is not simulated: give a file");
            if (all.TryGetValue(argument, out var text))
            {
                files.Add((argument, text));
                continue;
            }
            var folder = argument.TrimEnd('/') + "/";
            var inside = all.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal) && !k[folder.Length..].Contains('/')
                && Extensions.Any(e => k.EndsWith(e, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
            if (inside.Count == 0 && !all.Keys.Any(k => k.StartsWith(folder, StringComparison.Ordinal)))
                throw KubectlException.Client($"the path {GoValue.Quote(argument)} does not exist");
            files.AddRange(inside.Select(k => (k, all[k])));
        }
        return files;
    }

    /// <summary>The objects of one file, in order; a malformed document ends the file with its error.</summary>
    public static IEnumerable<ManifestObject> Objects(string source, string text)
    {
        foreach (var document in Documents(text))
        {
            JsonNode? node;
            try
            {
                node = YamlToJson.Convert(document);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw KubectlException.Client($"error parsing {source}: error converting YAML to JSON: yaml: line {GoYamlLine(e)}: {GoYamlMessage(e.Message)}");
            }
            catch (System.Text.Json.JsonException e)
            {
                throw KubectlException.Client($"error parsing {source}: {e.Message}");
            }
            if (node is not JsonObject obj) continue;
            if ((string?)obj["kind"] == "List" && obj["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>()) yield return new ManifestObject(source, (JsonObject)item.DeepClone());
                continue;
            }
            yield return new ManifestObject(source, obj);
        }
    }

    /// <summary>
    /// The line go-yaml reports: a scanner error's problem line, a parser error's line counted from 0 (go-yaml does
    /// not add one for those), and for a stream that ends inside a scalar, where it ended.
    /// </summary>
    private static long GoYamlLine(YamlDotNet.Core.YamlException e)
    {
        var message = GoYamlMessage(e.Message);
        if (message is "did not find expected key" or "did not find expected '-' indicator") return e.Start.Line - 1;
        if (message == "found unexpected end of stream") return e.End.Line;
        return e.Start.Line;
    }

    /// <summary>libyaml's words (which go-yaml reports) for YamlDotNet's scanner and parser errors.</summary>
    private static string GoYamlMessage(string message) => message switch
    {
        _ when message.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase) => "mapping values are not allowed in this context",
        _ when message.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase) => "mapping values are not allowed in this context",
        _ when message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase) => "did not find expected key",
        _ when message.Contains("cannot start any token", StringComparison.OrdinalIgnoreCase) => "found character that cannot start any token",
        _ when message.Contains("could not find expected ':'", StringComparison.OrdinalIgnoreCase) => "could not find expected ':'",
        _ when message.Contains("did not find expected '-' indicator", StringComparison.OrdinalIgnoreCase) => "did not find expected '-' indicator",
        _ when message.Contains("end of stream", StringComparison.OrdinalIgnoreCase) => "found unexpected end of stream",
        _ => message.TrimEnd('.'),
    };

    /// <summary>The YAML documents of a stream (k8s.io/apimachinery's YAMLReader), or the whole text for JSON.</summary>
    public static IEnumerable<string> Documents(string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            yield return text;
            yield break;
        }
        var current = new StringBuilder();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var newline = i + 1 < lines.Length ? "\n" : "";
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                var rest = line[3..].Trim();
                if (rest.Length > 0 && rest[0] != '#') throw KubectlException.Client($"invalid Yaml document separator: {rest}");
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(line).Append(newline);
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
