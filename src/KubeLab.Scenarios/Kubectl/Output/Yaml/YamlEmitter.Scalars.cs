using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

/// <summary>The scalar half of the emitter: choosing the style the text allows, and writing it.</summary>
internal sealed partial class YamlEmitter
{
    private void EmitScalar(YamlScalar scalar)
    {
        var analysis = YamlScalarAnalysis.Of(scalar.Value);
        var style = SelectStyle(scalar, analysis);
        IncreaseIndent(flow: true, indentless: false);
        var runes = scalar.Value.EnumerateRunes().ToArray();
        switch (style)
        {
            case YamlScalarStyle.Plain: WritePlain(runes, allowBreaks: !simpleKeyContext); break;
            case YamlScalarStyle.SingleQuoted: WriteSingleQuoted(runes, allowBreaks: !simpleKeyContext); break;
            case YamlScalarStyle.DoubleQuoted: WriteDoubleQuoted(runes, allowBreaks: !simpleKeyContext); break;
            case YamlScalarStyle.Literal: WriteLiteral(runes); break;
        }
        indent = indents.Pop();
    }

    // The encoder asks for a style; the emitter falls back to the next one that can hold the text.
    private YamlScalarStyle SelectStyle(YamlScalar scalar, YamlScalarAnalysis analysis)
    {
        var style = scalar.Style;
        if (simpleKeyContext && analysis.Multiline) style = YamlScalarStyle.DoubleQuoted;
        if (style == YamlScalarStyle.Plain)
        {
            if (!analysis.BlockPlainAllowed) style = YamlScalarStyle.SingleQuoted;
            if (scalar.Value.Length == 0 && simpleKeyContext) style = YamlScalarStyle.SingleQuoted;
        }
        if (style == YamlScalarStyle.SingleQuoted && !analysis.SingleQuotedAllowed) style = YamlScalarStyle.DoubleQuoted;
        if (style == YamlScalarStyle.Literal && (!analysis.BlockAllowed || simpleKeyContext)) style = YamlScalarStyle.DoubleQuoted;
        return style;
    }

    private void WritePlain(Rune[] runes, bool allowBreaks)
    {
        if (!whitespace) Put(' ');
        WriteFoldable(runes, allowBreaks, quote: false);
    }

    private void WriteSingleQuoted(Rune[] runes, bool allowBreaks)
    {
        WriteIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false);
        WriteFoldable(runes, allowBreaks, quote: true);
        WriteIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false);
    }

    // Plain and single-quoted text: a space past column 80 becomes a line break (YAML folds it back).
    private void WriteFoldable(Rune[] runes, bool allowBreaks, bool quote)
    {
        bool spaces = false, breaks = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i];
            if (c.Value == ' ')
            {
                var inside = !quote || (i > 0 && i < runes.Length - 1);
                if (allowBreaks && !spaces && column > BestWidth && inside && !IsSpaceAt(runes, i + 1)) WriteIndent();
                else Write(c);
                spaces = true;
            }
            else if (YamlScalarAnalysis.IsBreak(c.Value))
            {
                if (!breaks && c.Value == '\n') PutBreak();
                WriteBreak(c);
                indention = true;
                breaks = true;
            }
            else
            {
                if (breaks) WriteIndent();
                if (quote && c.Value == '\'') Put('\'');
                Write(c);
                indention = spaces = breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void WriteLiteral(Rune[] runes)
    {
        WriteIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false);
        if (runes[0].Value == ' ' || YamlScalarAnalysis.IsBreak(runes[0].Value))
            WriteIndicator(BestIndent.ToString(), needWhitespace: false, isWhitespace: false, isIndention: false);
        if (ChompIndicator(runes) is { } chomp)
            WriteIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false);
        PutBreak();
        indention = true;
        whitespace = true;
        var breaks = true;
        foreach (var c in runes)
        {
            if (YamlScalarAnalysis.IsBreak(c.Value))
            {
                WriteBreak(c);
                indention = true;
                breaks = true;
            }
            else
            {
                if (breaks) WriteIndent();
                Write(c);
                indention = false;
                breaks = false;
            }
        }
    }

    // "-" strips a missing final newline, "+" keeps extra ones, nothing clips to exactly one.
    private static string? ChompIndicator(Rune[] runes)
    {
        if (!YamlScalarAnalysis.IsBreak(runes[^1].Value)) return "-";
        if (runes.Length == 1) return "+";
        return YamlScalarAnalysis.IsBreak(runes[^2].Value) ? "+" : null;
    }

    private static bool IsSpaceAt(Rune[] runes, int i) => i < runes.Length && runes[i].Value == ' ';

    private void Write(Rune c)
    {
        output.Append(c.ToString());
        column++;
    }

    private void WriteBreak(Rune c)
    {
        if (c.Value == '\n')
        {
            PutBreak();
            return;
        }
        Write(c);
        column = 0;
    }
}
