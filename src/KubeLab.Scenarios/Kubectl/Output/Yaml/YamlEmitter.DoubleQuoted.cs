using System.Globalization;
using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

/// <summary>Double-quoted scalars: the style that can hold any text, with YAML's escapes.</summary>
internal sealed partial class YamlEmitter
{
    private void WriteDoubleQuoted(Rune[] runes, bool allowBreaks)
    {
        WriteIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false);
        // go-yaml tests for a byte order mark at the start of the value, not at each character,
        // so a value that starts with one has every character escaped.
        var bom = runes.Length > 0 && runes[0].Value == 0xFEFF;
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i].Value;
            if (bom || !YamlScalarAnalysis.IsPrintable(c) || YamlScalarAnalysis.IsBreak(c) || c is '"' or '\\')
            {
                Put('\\');
                foreach (var e in Escape(c)) Put(e);
                spaces = false;
            }
            else if (c == ' ')
            {
                if (allowBreaks && !spaces && column > BestWidth && i > 0 && i < runes.Length - 1)
                {
                    // The line break folds back into this space; a following space must be escaped to survive.
                    WriteIndent();
                    if (IsSpaceAt(runes, i + 1)) Put('\\');
                }
                else
                {
                    Write(runes[i]);
                }
                spaces = true;
            }
            else
            {
                Write(runes[i]);
                spaces = false;
            }
        }
        WriteIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false);
        whitespace = false;
        indention = false;
    }

    private static string Escape(int c) => c switch
    {
        0x00 => "0",
        0x07 => "a",
        0x08 => "b",
        0x09 => "t",
        0x0A => "n",
        0x0B => "v",
        0x0C => "f",
        0x0D => "r",
        0x1B => "e",
        0x22 => "\"",
        0x5C => "\\",
        0x85 => "N",
        0xA0 => "_",
        0x2028 => "L",
        0x2029 => "P",
        <= 0xFF => "x" + c.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "u" + c.ToString("X4", CultureInfo.InvariantCulture),
        _ => "U" + c.ToString("X8", CultureInfo.InvariantCulture),
    };
}
