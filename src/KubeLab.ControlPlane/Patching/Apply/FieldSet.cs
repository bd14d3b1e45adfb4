using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// A set of field paths, stored as the tree FieldsV1 spells it: a path that is itself in the set and
/// also has members below it carries <c>".": {}</c>; a member without children is <c>{}</c>.
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<PathElement, FieldSet> children = new();

    /// <summary>Whether the path leading to this node is itself in the set.</summary>
    private bool member;

    public bool IsEmpty => !member && children.Count == 0;

    public static FieldSet FromFieldsV1(JsonObject? fields)
    {
        var set = new FieldSet();
        if (fields is not null) set.Read(fields);
        return set;
    }

    public JsonObject ToFieldsV1() => Write(includeSelf: false);

    private JsonObject Write(bool includeSelf)
    {
        var result = new JsonObject();
        if (includeSelf && member) result["."] = new JsonObject();
        foreach (var (element, child) in children)
            result[element.Text] = child.children.Count == 0 ? new JsonObject() : child.Write(includeSelf: true);
        return result;
    }

    public void Insert(IReadOnlyList<PathElement> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out var next)) node.children[element] = next = new FieldSet();
            node = next;
        }
        node.member = true;
    }

    public bool Has(IReadOnlyList<PathElement> path) => Find(path)?.member == true;

    /// <summary>Whether some path strictly below <paramref name="path"/> is in the set.</summary>
    public bool HasBelow(IReadOnlyList<PathElement> path) => Find(path)?.children.Count > 0;

    public void Remove(IReadOnlyList<PathElement> path) => Remove(path, 0);

    /// <summary>Every path in the set, in structured-merge-diff's order.</summary>
    public IEnumerable<PathElement[]> Paths() => Walk([]);

    public FieldSet Union(FieldSet other)
    {
        var result = new FieldSet();
        foreach (var path in Paths().Concat(other.Paths())) result.Insert(path);
        return result;
    }

    public FieldSet Except(FieldSet other)
    {
        var result = new FieldSet();
        foreach (var path in Paths().Where(p => !other.Has(p))) result.Insert(path);
        return result;
    }

    /// <summary>The paths of the set that satisfy <paramref name="keep"/>.</summary>
    public FieldSet Where(Func<PathElement[], bool> keep)
    {
        var result = new FieldSet();
        foreach (var path in Paths().Where(keep)) result.Insert(path);
        return result;
    }

    private void Read(JsonObject fields)
    {
        foreach (var (key, value) in fields)
        {
            if (key == ".")
            {
                member = true;
                continue;
            }
            var child = new FieldSet();
            children[new PathElement(key)] = child;
            if (value is JsonObject inner && inner.Count > 0) child.Read(inner);
            else child.member = true;
        }
    }

    private FieldSet? Find(IReadOnlyList<PathElement> path)
    {
        var node = this;
        foreach (var element in path)
            if (!node.children.TryGetValue(element, out node)) return null;
        return node;
    }

    private bool Remove(IReadOnlyList<PathElement> path, int depth)
    {
        if (depth == path.Count)
        {
            member = false;
        }
        else if (children.TryGetValue(path[depth], out var child) && child.Remove(path, depth + 1))
        {
            children.Remove(path[depth]);
        }
        return IsEmpty;
    }

    private IEnumerable<PathElement[]> Walk(PathElement[] prefix)
    {
        foreach (var (element, child) in children)
        {
            PathElement[] path = [.. prefix, element];
            if (child.member) yield return path;
            foreach (var below in child.Walk(path)) yield return below;
        }
    }
}
