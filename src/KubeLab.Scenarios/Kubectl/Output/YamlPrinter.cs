using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output.Yaml;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// <c>kubectl -o yaml</c>: sigs.k8s.io/yaml's <c>Marshal</c>, which encodes the object as JSON,
/// reads that back with go-yaml v2 and writes it out with go-yaml v2. Hence keys in go-yaml's
/// natural order, strings quoted only when they would read back as something else, multi-line
/// strings as <c>|</c> blocks, and numbers as the JSON text read back as YAML numbers.
/// </summary>
public static class YamlPrinter
{
    public static string Print(JsonNode? document) => YamlEmitter.Emit(ToYaml(document));

    private static YamlNode ToYaml(JsonNode? node) => GoValue.Of(node) switch
    {
        null => Plain("null"),
        string s => String(s),
        bool b => Plain(b ? "true" : "false"),
        long l => Plain(l.ToString(CultureInfo.InvariantCulture)),
        double d => Plain(Number(d)),
        JsonObject o => new YamlMapping(o
            .OrderBy(p => p.Key, YamlKeyOrder.Instance)
            .Select(p => (String(p.Key), ToYaml(p.Value)))
            .ToList()),
        JsonArray a => new YamlSequence(a.Select(ToYaml).ToList()),
        var other => String(other.ToString() ?? ""),
    };

    // go-yaml's stringv: a block for text with line breaks, quotes when plain text would change type.
    private static YamlScalar String(string s)
    {
        if (s.Contains('\n')) return new YamlScalar(s, YamlScalarStyle.Literal);
        return new YamlScalar(s, YamlScalarResolver.NeedsQuotes(s) ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.Plain);
    }

    private static YamlScalar Plain(string text) => new(text, YamlScalarStyle.Plain);

    // The float went through JSON first: 3.0 became "3" and reads back as an integer; an integer
    // too large for 64 bits reads back as a float.
    private static string Number(double value)
    {
        var json = GoFloat.FormatJson(value);
        if (BigInteger.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            && integer >= long.MinValue && (integer <= long.MaxValue || integer <= ulong.MaxValue))
            return json;
        return GoFloat.FormatG(value);
    }
}
