using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// One step of a field path, spelled as in FieldsV1: <c>f:name</c> (a field), <c>k:{"name":"nginx"}</c>
/// (a list item by key), <c>v:"value"</c> (an item of a set of primitives), <c>i:0</c> (a position).
/// Ordered as structured-merge-diff orders them: fields, then keys, values and indexes.
/// </summary>
internal readonly record struct PathElement(string Text) : IComparable<PathElement>
{
    public char Kind => Text[0];

    public string Body => Text[2..];

    public static PathElement Field(string name) => new("f:" + name);

    public static PathElement Key(string name, JsonNode? value) =>
        new("k:" + new JsonObject { [name] = value?.DeepClone() }.ToJsonString(KubeJson.Options));

    public static PathElement Value(JsonNode? value) => new("v:" + (value?.ToJsonString(KubeJson.Options) ?? "null"));

    /// <summary>The key fields of a <c>k:</c> element, or the value of a <c>v:</c> element.</summary>
    public JsonNode? Parse() => JsonNode.Parse(Body);

    /// <summary>structured-merge-diff's PathElement.String(): <c>.name</c>, <c>[name="nginx"]</c>, <c>[="value"]</c>, <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        'f' => "." + Body,
        'k' => "[" + string.Join(",", ((JsonObject)Parse()!).Select(p => $"{p.Key}={Show(p.Value)}")) + "]",
        'v' => "[=" + Show(Parse()) + "]",
        _ => "[" + Body + "]",
    };

    public int CompareTo(PathElement other)
    {
        if (Kind != other.Kind) return Rank(Kind).CompareTo(Rank(other.Kind));
        return Kind switch
        {
            'f' => GoStringOrder.Instance.Compare(Body, other.Body),
            'i' => long.Parse(Body, CultureInfo.InvariantCulture).CompareTo(long.Parse(other.Body, CultureInfo.InvariantCulture)),
            _ => CompareValues(Parse(), other.Parse()),
        };
    }

    private static int Rank(char kind) => kind switch { 'f' => 0, 'k' => 1, 'v' => 2, _ => 3 };

    /// <summary>structured-merge-diff's total order of values: numbers, strings, booleans, lists, maps, null.</summary>
    private static int CompareValues(JsonNode? a, JsonNode? b)
    {
        var (ra, rb) = (ValueRank(a), ValueRank(b));
        if (ra != rb) return ra.CompareTo(rb);
        return a switch
        {
            null => 0,
            JsonObject ma => CompareFields(ma, (JsonObject)b!),
            JsonArray => string.CompareOrdinal(a.ToJsonString(), b!.ToJsonString()),
            _ when ra == 0 => a.GetValue<double>().CompareTo(b!.GetValue<double>()),
            _ when ra == 1 => GoStringOrder.Instance.Compare(a.GetValue<string>(), b!.GetValue<string>()),
            _ => a.GetValue<bool>().CompareTo(b!.GetValue<bool>()),
        };
    }

    private static int CompareFields(JsonObject a, JsonObject b)
    {
        var (left, right) = (a.ToList(), b.ToList());
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var byName = string.CompareOrdinal(left[i].Key, right[i].Key);
            if (byName != 0) return byName;
            var byValue = CompareValues(left[i].Value, right[i].Value);
            if (byValue != 0) return byValue;
        }
        return left.Count.CompareTo(right.Count);
    }

    private static int ValueRank(JsonNode? node) => node switch
    {
        null => 5,
        JsonObject => 4,
        JsonArray => 3,
        _ => node.GetValueKind() switch { JsonValueKind.Number => 0, JsonValueKind.String => 1, _ => 2 },
    };

    /// <summary>structured-merge-diff's value.ToString: strings quoted as Go's %q, numbers and booleans as %v.</summary>
    private static string Show(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(",", array.Select(Show)) + "]",
        JsonObject obj => string.Concat(obj.Select(p => $"{p.Key}={Show(p.Value)}")),
        _ when node.GetValueKind() == JsonValueKind.String => GoValues.Quote(node.GetValue<string>()),
        _ => GoValues.Format(node),
    };
}
