using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

internal enum YamlScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal }

internal abstract record YamlNode;

internal sealed record YamlScalar(string Value, YamlScalarStyle Style) : YamlNode;

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items) : YamlNode;

internal sealed record YamlMapping(IReadOnlyList<(YamlScalar Key, YamlNode Value)> Pairs) : YamlNode;

/// <summary>
/// The block-style emitter of go-yaml v2 (a port of libyaml's), reduced to what JSON-shaped
/// documents need: block mappings and sequences, <c>{}</c> and <c>[]</c> for empty ones, and the
/// four scalar styles. Its quirks are kubectl's: sequences under a key are not indented, long
/// lines fold at 80 columns, keys over 128 bytes use the explicit <c>? key</c> form.
/// </summary>
internal sealed partial class YamlEmitter
{
    private const int BestIndent = 2;
    private const int BestWidth = 80;
    private const int MaxSimpleKeyLength = 128;

    private readonly StringBuilder output = new();
    private readonly Stack<int> indents = new();
    private int indent = -1;
    private int column;
    private bool whitespace = true;
    private bool indention = true;
    private bool mappingContext;
    private bool simpleKeyContext;

    public static string Emit(YamlNode document)
    {
        var emitter = new YamlEmitter();
        emitter.EmitNode(document, mapping: false, simpleKey: false);
        emitter.WriteIndent(); // the implicit document end: finish the last line
        return emitter.output.ToString();
    }

    private void EmitNode(YamlNode node, bool mapping, bool simpleKey)
    {
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        switch (node)
        {
            case YamlScalar scalar:
                EmitScalar(scalar);
                break;
            case YamlSequence { Items.Count: 0 }:
                EmitEmptyFlow('[', ']');
                break;
            case YamlSequence sequence:
                EmitBlockSequence(sequence);
                break;
            case YamlMapping { Pairs.Count: 0 }:
                EmitEmptyFlow('{', '}');
                break;
            case YamlMapping map:
                EmitBlockMapping(map);
                break;
        }
    }

    private void EmitEmptyFlow(char open, char close)
    {
        WriteIndicator(open.ToString(), needWhitespace: true, isWhitespace: true, isIndention: false);
        // Flow collections are only ever empty here, so nothing is written between the brackets.
        IncreaseIndent(flow: true, indentless: false);
        indent = indents.Pop();
        WriteIndicator(close.ToString(), needWhitespace: false, isWhitespace: false, isIndention: false);
    }

    private void EmitBlockSequence(YamlSequence sequence)
    {
        // A sequence that is a mapping value starts its dashes at the key's column.
        IncreaseIndent(flow: false, indentless: mappingContext && !indention);
        foreach (var item in sequence.Items)
        {
            WriteIndent();
            WriteIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true);
            EmitNode(item, mapping: false, simpleKey: false);
        }
        indent = indents.Pop();
    }

    private void EmitBlockMapping(YamlMapping map)
    {
        IncreaseIndent(flow: false, indentless: false);
        foreach (var (key, value) in map.Pairs)
        {
            WriteIndent();
            if (IsSimpleKey(key))
            {
                EmitNode(key, mapping: true, simpleKey: true);
                WriteIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false);
            }
            else
            {
                WriteIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true);
                EmitNode(key, mapping: true, simpleKey: false);
                WriteIndent();
                WriteIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true);
            }
            EmitNode(value, mapping: true, simpleKey: false);
        }
        indent = indents.Pop();
    }

    private static bool IsSimpleKey(YamlScalar key) =>
        !YamlScalarAnalysis.Of(key.Value).Multiline && YamlScalarAnalysis.ByteLength(key.Value) <= MaxSimpleKeyLength;

    private void IncreaseIndent(bool flow, bool indentless)
    {
        indents.Push(indent);
        if (indent < 0) indent = flow ? BestIndent : 0;
        else if (!indentless) indent += BestIndent;
    }

    private void WriteIndent()
    {
        var target = Math.Max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) PutBreak();
        while (column < target) Put(' ');
        whitespace = true;
        indention = true;
    }

    private void WriteIndicator(string indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
    {
        if (needWhitespace && !whitespace) Put(' ');
        foreach (var c in indicator) Put(c);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void Put(char c)
    {
        output.Append(c);
        column++;
    }

    private void PutBreak()
    {
        output.Append('\n');
        column = 0;
    }
}
