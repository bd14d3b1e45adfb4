using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeLab.Site.Exchanges;

/// <summary>
/// One node of a JSON document as the player folds it: a scalar shows its JSON literal; an object or array
/// shows how many members it has and folds them. Names and values are plain text: a component renders them
/// escaped like any other text.
/// </summary>
/// <param name="Name">The member name in the parent object, or null (array element, root).</param>
/// <param name="Literal">A scalar's JSON literal (<c>"nginx"</c>, <c>3</c>, <c>null</c>); for a container, its member count.</param>
public sealed record JsonTreeNode(string? Name, JsonValueKind Kind, string Literal, IReadOnlyList<JsonTreeNode> Children, bool Open)
{
    public bool IsContainer => Kind is JsonValueKind.Object or JsonValueKind.Array;
    public string Opening => Kind == JsonValueKind.Object ? "{" : "[";
    public string Closing => Kind == JsonValueKind.Object ? "}" : "]";
}

public static class JsonTree
{
    /// <summary>Bigger documents (an OpenAPI schema) are shown as indented text: a tree of them is too heavy for a page.</summary>
    public const int MaxNodes = 3000;

    /// <summary>Levels open at first; deeper ones are folded.</summary>
    private const int OpenDepth = 2;

    /// <summary>Bookkeeping a learner rarely reads first; folded wherever it is.</summary>
    private static readonly HashSet<string> FoldedMembers = ["managedFields"];

    /// <summary>Indented, with characters such as &lt; written as themselves (escaping is the page's job, not JSON's).</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The tree, or null when the document has more than <see cref="MaxNodes"/> nodes.</summary>
    public static JsonTreeNode? Build(JsonNode? root)
    {
        var budget = MaxNodes;
        return Build(null, root, 0, ref budget);
    }

    private static JsonTreeNode? Build(string? name, JsonNode? node, int depth, ref int budget)
    {
        if (--budget < 0) return null;
        var open = depth < OpenDepth && !(name is not null && FoldedMembers.Contains(name));
        switch (node)
        {
            case JsonObject obj:
            {
                var children = new List<JsonTreeNode>(obj.Count);
                foreach (var (key, value) in obj)
                {
                    if (Build(key, value, depth + 1, ref budget) is not { } child) return null;
                    children.Add(child);
                }
                return new JsonTreeNode(name, JsonValueKind.Object, Count(obj.Count, "key"), children, open);
            }
            case JsonArray array:
            {
                var children = new List<JsonTreeNode>(array.Count);
                foreach (var value in array)
                {
                    if (Build(null, value, depth + 1, ref budget) is not { } child) return null;
                    children.Add(child);
                }
                return new JsonTreeNode(name, JsonValueKind.Array, Count(array.Count, "item"), children, open);
            }
            case null:
                return new JsonTreeNode(name, JsonValueKind.Null, "null", [], false);
            default:
                return new JsonTreeNode(name, node.GetValueKind(), node.ToJsonString(Indented), [], false);
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
