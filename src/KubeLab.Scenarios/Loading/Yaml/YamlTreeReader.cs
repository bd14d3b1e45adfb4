using KubeLab.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.Scenarios.Loading.Yaml;

/// <summary>
/// Reads YAML documents into positioned nodes from the parser's events. Bounded: nesting deeper
/// than <see cref="MaxDepth"/> and more than <see cref="MaxNodes"/> nodes (aliases counted as what
/// they expand to) stop the reading at once, so alias bombs and bracket towers cost neither time
/// nor memory. YamlDotNet itself is quadratic on deep flow nesting, which is why the depth check
/// stops consuming events instead of reading on.
/// </summary>
internal sealed class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const long MaxNodes = 100_000;

    private readonly IParser _parser;
    private readonly Action<SourcePosition, string> _report;
    private readonly Dictionary<string, YamlNode> _anchors = [];
    private long _nodes;

    private YamlTreeReader(string text, Action<SourcePosition, string> report)
    {
        _parser = new Parser(new StringReader(text));
        _report = report;
    }

    /// <summary>The documents of a text, or null after reporting why it cannot be read.</summary>
    public static IReadOnlyList<YamlNode>? Read(string text, Action<SourcePosition, string> report)
    {
        var reader = new YamlTreeReader(text, report);
        var last = SourcePosition.Start;
        try
        {
            return reader.Documents();
        }
        catch (YamlTreeException e)
        {
            report(e.At, e.Message);
        }
        catch (YamlException e)
        {
            report(new((int)e.Start.Line, (int)e.Start.Column), "YAML syntax: " + Sentence(e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, without a position, on some malformed flow collections.
            last = reader._parser.Current is { } current ? new((int)current.End.Line, (int)current.End.Column) : last;
            report(last, "YAML syntax: a flow collection ('[' or '{') is not closed properly after this point");
        }
        return null;
    }

    private List<YamlNode> Documents()
    {
        var documents = new List<YamlNode>();
        _parser.Consume<StreamStart>();
        while (_parser.TryConsume<DocumentStart>(out var start))
        {
            documents.Add(_parser.Accept<DocumentEnd>(out _) ? new YamlScalar("", ScalarStyle.Plain, start.Start, start.End) : Node(1));
            _parser.Consume<DocumentEnd>();
        }
        _parser.Consume<StreamEnd>();
        return documents;
    }

    private YamlNode Node(int depth)
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the file");
        var at = new SourcePosition((int)current.Start.Line, (int)current.Start.Column);
        if (depth > MaxDepth) throw new YamlTreeException(at, $"nesting deeper than {MaxDepth} levels: a lesson never needs that much");
        if (current is NodeEvent { Tag.IsEmpty: false } tagged && !tagged.Tag.IsNonSpecific)
            _report(at, $"YAML tags ('{tagged.Tag.Value.Replace("tag:yaml.org,2002:", "!!")}') are not used in lessons: quote the value to make it text");
        var node = current switch
        {
            AnchorAlias alias => Alias(alias, at, depth),
            Scalar scalar => Consume(new YamlScalar(scalar.Value, scalar.Style, scalar.Start, scalar.End)),
            SequenceStart start => Sequence(start, depth),
            MappingStart start => Mapping(start, depth),
            _ => throw new YamlTreeException(at, $"unexpected {current.GetType().Name}"),
        };
        _nodes += current is AnchorAlias ? 0 : 1;
        if (_nodes > MaxNodes) throw new YamlTreeException(at, $"more than {MaxNodes:N0} YAML nodes: a lesson is a few hundred");
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored) _anchors[anchored.Anchor.Value] = node;
        return node;
    }

    private YamlNode Consume(YamlNode node)
    {
        _parser.MoveNext();
        return node;
    }

    private YamlNode Alias(AnchorAlias alias, SourcePosition at, int depth)
    {
        _parser.MoveNext();
        if (!_anchors.TryGetValue(alias.Value.Value, out var node))
            throw new YamlTreeException(at, $"alias '*{alias.Value.Value}' refers to no anchor '&{alias.Value.Value}' before it");
        _nodes += node.Size;
        if (_nodes > MaxNodes) throw new YamlTreeException(at, $"aliases expand to more than {MaxNodes:N0} YAML nodes: refusing an alias bomb");
        if (depth + node.Height - 1 > MaxDepth) throw new YamlTreeException(at, $"alias '*{alias.Value.Value}' nests deeper than {MaxDepth} levels");
        return node;
    }

    private YamlSequence Sequence(SequenceStart start, int depth)
    {
        _parser.MoveNext();
        var items = new List<YamlNode>();
        while (!_parser.Accept<SequenceEnd>(out _)) items.Add(Node(depth + 1));
        var end = _parser.Consume<SequenceEnd>();
        return new YamlSequence(items, start.Start, end.End) { Size = Saturated(items), Height = 1 + items.Select(i => i.Height).DefaultIfEmpty(0).Max() };
    }

    private YamlMapping Mapping(MappingStart start, int depth)
    {
        _parser.MoveNext();
        var entries = new List<YamlEntry>();
        var keys = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!_parser.Accept<MappingEnd>(out _))
        {
            var key = Node(depth + 1);
            var value = Node(depth + 1);
            if (key is not YamlScalar scalar) _report(key.At, "a key must be plain text, not " + key.Describe());
            else if (!keys.TryAdd(scalar.Value, scalar))
                _report(key.At, $"duplicate key '{scalar.Value}' (first at line {keys[scalar.Value].Start.Line}): only the first is read");
            else entries.Add(new YamlEntry(scalar, value));
        }
        var end = _parser.Consume<MappingEnd>();
        var children = entries.SelectMany(e => new[] { e.Key, e.Value }).ToList();
        return new YamlMapping(entries, start.Start, end.End) { Size = Saturated(children), Height = 1 + children.Select(c => c.Height).DefaultIfEmpty(0).Max() };
    }

    private static long Saturated(IEnumerable<YamlNode> children) => Math.Min(MaxNodes + 1, 1 + children.Sum(c => c.Size));

    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.');
        if (text.Length == 0) return "malformed YAML";
        text = char.ToLowerInvariant(text[0]) + text[1..];
        // The commonest slip in lessons: a command or header with ': ' written as a plain value.
        return text.Contains("found invalid mapping") ? text + " (a value that contains ': ' must be quoted)" : text;
    }
}

/// <summary>A reason to stop reading a YAML text at a position.</summary>
internal sealed class YamlTreeException(SourcePosition at, string message) : Exception(message)
{
    public SourcePosition At { get; } = at;
}
