using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output.JsonPath;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// <c>kubectl -o jsonpath=…</c> (client-go's <c>util/jsonpath</c>): each action's results are printed
/// separated by spaces, strings and numbers as text, maps and lists as compact JSON, with no final
/// newline; <c>{range …}…{end}</c> repeats its body per result. Missing keys print nothing.
/// </summary>
public sealed class JsonPathTemplate
{
    private readonly List<JsonPathNode> nodes;

    private JsonPathTemplate(ListNode root) => nodes = root.Nodes;

    /// <exception cref="JsonPathException">The template does not parse.</exception>
    public static JsonPathTemplate Parse(string template) => new(JsonPathParser.Parse(template));

    /// <param name="asJson"><c>-o jsonpath-as-json</c>: each action's results as an indented JSON array.</param>
    /// <exception cref="JsonPathException">The template fails on this data (an index out of range…).</exception>
    public string Execute(JsonNode data, bool asJson = false, bool allowMissingKeys = true)
    {
        var evaluator = new JsonPathEvaluator(allowMissingKeys);
        var lastEnd = -1;
        var groups = FindResults(evaluator, GoValue.Of(data), 0, ref lastEnd);
        var text = new StringBuilder();
        foreach (var group in groups) Print(text, group, asJson);
        return text.ToString();
    }

    /// <summary>The results of each top-level action, unprinted (custom columns format them their own way).</summary>
    public List<List<object?>> FindResults(JsonNode data, bool allowMissingKeys = true)
    {
        var lastEnd = -1;
        return FindResults(new JsonPathEvaluator(allowMissingKeys), GoValue.Of(data), 0, ref lastEnd);
    }

    // client-go's FindResults: every top-level node is evaluated against the data; a range node
    // re-runs the nodes after it for each of its results, up to the matching end.
    private List<List<object?>> FindResults(JsonPathEvaluator evaluator, object? data, int start, ref int lastEnd)
    {
        var all = new List<List<object?>>();
        for (var i = start; i < nodes.Count; i++)
        {
            var results = evaluator.Walk([data], nodes[i]);
            if (evaluator.EndRange > 0 && evaluator.EndRange <= evaluator.InRange)
            {
                evaluator.EndRange--;
                lastEnd = i;
                break;
            }
            if (evaluator.BeginRange > 0)
            {
                evaluator.BeginRange--;
                evaluator.InRange++;
                if (results.Count > 0)
                    foreach (var value in results) all.AddRange(FindResults(evaluator, value, i + 1, ref lastEnd));
                else
                    FindResults(evaluator, null, i + 1, ref lastEnd);
                evaluator.InRange--;
                if (lastEnd > i) i = lastEnd;
                continue;
            }
            all.Add(results);
        }
        return all;
    }

    private static void Print(StringBuilder text, List<object?> results, bool asJson)
    {
        if (asJson)
        {
            text.Append(GoJson.Indent(new JsonArray(results.Select(ToNode).ToArray()))).Append('\n');
            return;
        }
        for (var i = 0; i < results.Count; i++)
        {
            text.Append(results[i] switch
            {
                JsonObject or JsonArray => GoJson.Compact((JsonNode)results[i]!),
                null => "null",
                var value => GoValue.Sprint(value),
            });
            if (i != results.Count - 1) text.Append(' ');
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(value.ToString()),
    };
}
