using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Converts a YAML document to JSON the way sigs.k8s.io/yaml does: plain scalars resolve with
/// go-yaml's YAML 1.1 rules (<c>yes</c>/<c>on</c> are booleans, <c>0x1F</c> is a number), quoted
/// scalars stay strings. Aliases are expanded within a node budget, so alias bombs are refused.
/// </summary>
public static partial class YamlToJson
{
    public const int MaxNodes = 100_000;

    public static JsonNode? Convert(string yaml, List<string>? duplicates = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0) return null;
        var budget = MaxNodes;
        return ToJson(stream.Documents[0].RootNode, "", duplicates, ref budget, 0);
    }

    private static JsonNode? ToJson(YamlNode node, string path, List<string>? duplicates, ref int budget, int depth)
    {
        if (--budget < 0) throw new YamlException("document is too large: too many nodes after expanding aliases");
        if (depth > JsonTree.MaxDepth) throw new YamlException(node.Start, node.End, "document is nested too deeply");
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode k ? k.Value ?? "" : throw new YamlException(keyNode.Start, keyNode.End, "mapping keys must be scalars");
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    var value = ToJson(valueNode, childPath, duplicates, ref budget, depth + 1);
                    if (obj.ContainsKey(key))
                    {
                        duplicates?.Add(childPath);
                        obj.Remove(key);
                    }
                    obj[key] = value;
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item, $"{path}[{i++}]", duplicates, ref budget, depth + 1));
                return array;
            case YamlScalarNode scalar:
                return Resolve(scalar);
            default:
                throw new YamlException(node.Start, node.End, "unsupported YAML node");
        }
    }

    private static JsonNode? Resolve(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str") return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        var plain = text.Replace("_", "");
        if (DecimalInteger().IsMatch(plain) && long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return JsonValue.Create(n);
        if (plain.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(plain[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return JsonValue.Create(hex);
        if (Float().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
            return JsonValue.Create(f);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
