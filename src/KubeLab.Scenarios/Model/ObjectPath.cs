using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Model;

/// <summary>
/// A small JSONPath-like address into an object: fields joined by dots (<c>status.phase</c>), list
/// indexes (<c>spec.containers[0].image</c>), the first list element whose field has a value
/// (<c>status.conditions[type=NamespaceContentRemaining].status</c>) and quoted keys for names with
/// dots or slashes (<c>metadata.labels['kubernetes.io/metadata.name']</c>). Parse with <see cref="ObjectPathParser"/>.
/// </summary>
public sealed record ObjectPath(string Text, IReadOnlyList<PathSegment> Segments)
{
    /// <summary>The value at this path, or false when a field, index or selected element is missing.</summary>
    public bool TryFind(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var segment in Segments)
        {
            switch (segment, value)
            {
                case (FieldSegment field, JsonObject obj) when obj.TryGetPropertyValue(field.Name, out var child):
                    value = child;
                    break;
                case (IndexSegment index, JsonArray array) when index.Index < array.Count:
                    value = array[index.Index];
                    break;
                case (SelectSegment select, JsonArray array):
                    value = array.FirstOrDefault(e => e is JsonObject o && o.TryGetPropertyValue(select.Field, out var v) && AsText(v) == select.Value);
                    if (value is null) return false;
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        return true;
    }

    /// <summary>A JSON value as the text a check compares: strings unquoted, everything else as JSON.</summary>
    public static string AsText(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";

    public override string ToString() => Text;
}

public abstract record PathSegment;
public sealed record FieldSegment(string Name) : PathSegment;
public sealed record IndexSegment(int Index) : PathSegment;
public sealed record SelectSegment(string Field, string Value) : PathSegment;
