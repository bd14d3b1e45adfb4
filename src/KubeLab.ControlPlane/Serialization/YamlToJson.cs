using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Converts the first YAML document to JSON the way sigs.k8s.io/yaml does: plain scalars resolve with
/// go-yaml's YAML 1.1 rules (<c>yes</c>/<c>on</c> are booleans, <c>0x1F</c> is a number), quoted scalars
/// stay strings, a repeated key keeps its last value (and is reported). Aliases are expanded within a
/// node budget, so alias bombs are refused instead of exhausting memory.
/// </summary>
public static partial class YamlToJson
{
    public const int MaxNodes = 100_000;

    public static JsonNode? Convert(string yaml, List<string>? duplicates = null)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var state = new State(duplicates);
            return Read(parser, "", state, 0);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some malformed input: it is still bad YAML.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "did not find expected node content");
        }
    }

    private sealed class State(List<string>? duplicates)
    {
        public readonly Dictionary<string, JsonNode?> Anchors = [];
        public readonly List<string>? Duplicates = duplicates;
        public int Budget = MaxNodes;

        public void Spend(int nodes, Mark at)
        {
            Budget -= nodes;
            if (Budget < 0) throw new YamlException(at, at, "document is too large: too many nodes after expanding aliases");
        }
    }

    private static JsonNode? Read(IParser parser, string path, State state, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of document");
        if (depth > JsonTree.MaxDepth) throw new YamlException(current.Start, current.End, "document is nested too deeply");
        state.Spend(1, current.Start);
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!state.Anchors.TryGetValue(alias.Value.Value, out var anchored))
                    throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}' referenced");
                state.Spend(Count(anchored), alias.Start);
                return anchored?.DeepClone();
            case Scalar scalar:
                parser.MoveNext();
                return Remember(scalar.Anchor, Resolve(scalar), state);
            case SequenceStart start:
                parser.MoveNext();
                var array = new JsonArray();
                var index = 0;
                while (!parser.TryConsume<SequenceEnd>(out _))
                    array.Add(Read(parser, $"{path}[{index++}]", state, depth + 1));
                return Remember(start.Anchor, array, state);
            case MappingStart start:
                parser.MoveNext();
                var obj = new JsonObject();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyEvent = parser.Current;
                    var key = Read(parser, path, state, depth + 1) switch
                    {
                        JsonValue v => v.ToString(),
                        null => "null",
                        _ => throw new YamlException(keyEvent!.Start, keyEvent.End, "mapping keys must be scalars"),
                    };
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    var value = Read(parser, childPath, state, depth + 1);
                    if (obj.Remove(key)) state.Duplicates?.Add(childPath);
                    obj[key] = value;
                }
                return Remember(start.Anchor, obj, state);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static JsonNode? Remember(AnchorName anchor, JsonNode? node, State state)
    {
        if (!anchor.IsEmpty) state.Anchors[anchor.Value] = node?.DeepClone();
        return node;
    }

    private static int Count(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Sum(kv => Count(kv.Value)),
        JsonArray a => 1 + a.Sum(Count),
        _ => 1,
    };

    private static JsonNode? Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str") return JsonValue.Create(text);
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
        // Go's ParseFloat refuses what overflows (1e400), and go-yaml then keeps the scalar as a string.
        if (Float().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f))
            return JsonValue.Create(f);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
