using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeLab.Scenarios.Kubectl.Output.JsonPath;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// <c>kubectl get -o custom-columns=NAME:.metadata.name,…</c> (kubectl's <c>CustomColumnsPrinter</c>):
/// one row per object of the document, each cell the JSONPath's results printed with <c>fmt.Sprint</c>
/// and comma-joined, <c>&lt;none&gt;</c> when there are none, laid out by the tab writer.
/// </summary>
public static partial class CustomColumnsPrinter
{
    /// <exception cref="JsonPathException">The spec or one of its paths does not parse, with kubectl's wording.</exception>
    public static string Print(JsonObject document, string spec, bool noHeaders = false)
    {
        if (spec.Length == 0) throw new JsonPathException("custom-columns format specified but no custom columns given");
        var columns = spec.Split(',').Select(ParseColumn).ToList();
        var output = new StringBuilder();
        var writer = new TabWriter(output);
        if (!noHeaders) writer.Write(string.Join('\t', columns.Select(c => c.Header)) + "\n");
        var objects = document["items"] is JsonArray items ? items.Select(i => (JsonNode?)i) : [document];
        foreach (var obj in objects)
        {
            var cells = columns.Select(c => Cell(c.Path, obj!));
            writer.Write(string.Join('\t', cells) + "\n");
        }
        writer.Flush();
        return output.ToString();
    }

    private static string Cell(JsonPathTemplate path, JsonNode obj)
    {
        var groups = path.FindResults(obj);
        var values = new List<string>();
        if (groups.Count == 0 || groups[0].Count == 0) values.Add("<none>");
        foreach (var group in groups)
        foreach (var value in group)
            values.Add(CellText.Escape(GoValue.Sprint(value)));
        return string.Join(",", values);
    }

    private static (string Header, JsonPathTemplate Path) ParseColumn(string part)
    {
        var colon = part.IndexOf(':');
        if (colon < 0) throw new JsonPathException($"unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>");
        return (part[..colon], JsonPathTemplate.Parse(RelaxedExpression(part[(colon + 1)..])));
    }

    /// <summary>kubectl accepts <c>a.b</c>, <c>.a.b</c>, <c>{a.b}</c> and <c>{.a.b}</c> for <c>{.a.b}</c>.</summary>
    public static string RelaxedExpression(string expression)
    {
        if (expression.Length == 0) return expression;
        var match = RelaxedPath().Match(expression);
        if (!match.Success)
            throw new JsonPathException("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
        var field = match.Groups[1].Success && match.Groups[1].Length > 0 ? match.Groups[1].Value : match.Groups[2].Value;
        return "{." + field + "}";
    }

    [GeneratedRegex(@"^\{\.?([^{}]+)\}$|^\.?([^{}]+)$")]
    private static partial Regex RelaxedPath();
}
