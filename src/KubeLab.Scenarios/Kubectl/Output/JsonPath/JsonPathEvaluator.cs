using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output.JsonPath;

/// <summary>
/// Evaluates one node over a set of values (client-go's <c>walk</c>). Values are Go's view of JSON:
/// JsonObject, JsonArray, string, long, double, bool, or null for a JSON null.
/// </summary>
internal sealed class JsonPathEvaluator(bool allowMissingKeys)
{
    public int BeginRange { get; set; }
    public int InRange { get; set; }
    public int EndRange { get; set; }

    public List<object?> Walk(List<object?> input, JsonPathNode node) => node switch
    {
        ListNode list => EvalList(input, list),
        TextNode text => [text.Text],
        FieldNode field => EvalField(input, field),
        ArrayNode array => EvalArray(input, array),
        FilterNode filter => EvalFilter(input, filter),
        IntNode i => input.Select(_ => (object?)i.Value).ToList(),
        FloatNode f => input.Select(_ => (object?)f.Value).ToList(),
        BoolNode b => input.Select(_ => (object?)b.Value).ToList(),
        WildcardNode => input.SelectMany(Children).ToList(),
        RecursiveNode => EvalRecursive(input),
        UnionNode union => union.Branches.SelectMany(b => EvalList(input, b)).ToList(),
        IdentifierNode identifier => EvalIdentifier(input, identifier),
        _ => throw new JsonPathException($"unexpected Node {node}"),
    };

    private List<object?> EvalList(List<object?> input, ListNode list)
    {
        var current = input;
        foreach (var node in list.Nodes) current = Walk(current, node);
        return current;
    }

    private List<object?> EvalIdentifier(List<object?> input, IdentifierNode node)
    {
        switch (node.Name)
        {
            case "range":
                BeginRange++;
                return input;
            case "end":
                if (InRange == 0) throw new JsonPathException("not in range, nothing to end");
                EndRange++;
                return [];
            default:
                throw new JsonPathException($"unrecognized identifier {node.Name}");
        }
    }

    private List<object?> EvalField(List<object?> input, FieldNode node)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            // A present key is a result even when its value is null; a missing one is not.
            if (value is JsonObject map && map.TryGetPropertyValue(node.Name, out var found)) results.Add(GoValue.Of(found));
        }
        if (results.Count == 0 && !allowMissingKeys && input.Count > 0) throw new JsonPathException($"{node.Name} is not found");
        return results;
    }

    private static List<object?> EvalArray(List<object?> input, ArrayNode node)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            if (value is null) continue;
            if (value is not JsonArray array) throw new JsonPathException($"{GoTypeName(value)} is not array or slice");
            var p = (SliceParam[])node.Params.Clone();
            var length = array.Count;
            if (!p[0].Known) p[0].Value = 0;
            if (p[0].Value < 0) p[0].Value += length;
            if (!p[1].Known) p[1].Value = length;
            if (p[1].Value < 0 || (p[1].Value == 0 && p[1].Derived)) p[1].Value += length;
            // Asking for no elements is allowed, and ends the evaluation of this node (as in client-go).
            if (p[1].Value == p[0].Value) return results;
            if (p[0].Value >= length || p[0].Value < 0)
                throw new JsonPathException($"array index out of bounds: index {p[0].Value}, length {length}");
            if (p[1].Value > length || p[1].Value < 0)
                throw new JsonPathException($"array index out of bounds: index {p[1].Value - 1}, length {length}");
            if (p[0].Value > p[1].Value)
                throw new JsonPathException($"starting index {p[0].Value} is greater than ending index {p[1].Value}");
            var step = 1;
            if (p[2].Known)
            {
                if (p[2].Value <= 0) throw new JsonPathException("step must be > 0");
                step = p[2].Value;
            }
            for (var i = p[0].Value; i < p[1].Value; i += step) results.Add(GoValue.Of(array[i]));
        }
        return results;
    }

    private List<object?> EvalFilter(List<object?> input, FilterNode node)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            if (value is not JsonArray array)
                throw new JsonPathException($"{GoValue.Sprint(value)} is not array or slice and cannot be filtered");
            foreach (var element in array)
            {
                var item = GoValue.Of(element);
                var lefts = EvalList([item], node.Left);
                if (node.Operator == "exists")
                {
                    if (lefts.Count > 0) results.Add(item);
                    continue;
                }
                if (lefts.Count == 0) continue;
                if (lefts.Count > 1) throw new JsonPathException("can only compare one element at a time");
                var rights = EvalList([item], node.Right);
                if (rights.Count == 0) continue;
                if (rights.Count > 1) throw new JsonPathException("can only compare one element at a time");
                if (JsonPathCompare.Evaluate(node.Operator, lefts[0], rights[0])) results.Add(item);
            }
        }
        return results;
    }

    private static List<object?> EvalRecursive(List<object?> input)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            var children = Children(value).ToList();
            if (children.Count == 0) continue;
            results.Add(value);
            results.AddRange(EvalRecursive(children));
        }
        return results;
    }

    // Map values (in key order: Go's map order is random, so any order is kubectl's), list elements,
    // and the bytes of a string.
    private static IEnumerable<object?> Children(object? value) => value switch
    {
        JsonObject map => map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => GoValue.Of(p.Value)),
        JsonArray array => array.Select(GoValue.Of),
        string s => System.Text.Encoding.UTF8.GetBytes(s).Select(b => (object?)(long)b),
        _ => [],
    };

    public static string GoTypeName(object? value) => value switch
    {
        JsonObject => "map[string]interface {}",
        JsonArray => "[]interface {}",
        string => "string",
        long => "int64",
        double => "float64",
        bool => "bool",
        _ => "interface {}",
    };
}
