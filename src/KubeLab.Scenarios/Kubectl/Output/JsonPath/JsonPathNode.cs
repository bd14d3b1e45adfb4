namespace KubeLab.Scenarios.Kubectl.Output.JsonPath;

/// <summary>The syntax tree of a kubectl JSONPath template (client-go's <c>util/jsonpath</c> nodes).</summary>
internal abstract record JsonPathNode;

/// <summary>The nodes of one <c>{…}</c> action (or of the whole template), evaluated one after another.</summary>
internal sealed record ListNode(List<JsonPathNode> Nodes) : JsonPathNode;

/// <summary>Literal text, outside braces or quoted inside them (<c>{"\n"}</c>).</summary>
internal sealed record TextNode(string Text) : JsonPathNode;

internal sealed record FieldNode(string Name) : JsonPathNode;

/// <summary><c>[start:end:step]</c>; <c>[i]</c> is <c>[i:i+1]</c> with a derived end.</summary>
internal sealed record ArrayNode(SliceParam[] Params) : JsonPathNode;

internal record struct SliceParam(int Value, bool Known, bool Derived);

/// <summary><c>[?(@.a == "x")]</c>; the operator "exists" for <c>[?(@.a)]</c>.</summary>
internal sealed record FilterNode(ListNode Left, ListNode Right, string Operator) : JsonPathNode;

internal sealed record IntNode(long Value) : JsonPathNode;

internal sealed record FloatNode(double Value) : JsonPathNode;

internal sealed record BoolNode(bool Value) : JsonPathNode;

internal sealed record WildcardNode : JsonPathNode;

internal sealed record RecursiveNode : JsonPathNode;

internal sealed record UnionNode(List<ListNode> Branches) : JsonPathNode;

/// <summary><c>range</c> or <c>end</c>.</summary>
internal sealed record IdentifierNode(string Name) : JsonPathNode;

/// <summary>A template that does not parse or cannot be evaluated, with client-go's wording.</summary>
public sealed class JsonPathException(string message) : Exception(message);
