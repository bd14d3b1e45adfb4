using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

/// <summary>
/// What libyaml's emitter (as ported in go-yaml v2) learns from a scalar's characters before it
/// picks a style: which styles could represent the text exactly.
/// </summary>
internal sealed record YamlScalarAnalysis(
    bool Multiline,
    bool FlowPlainAllowed,
    bool BlockPlainAllowed,
    bool SingleQuotedAllowed,
    bool BlockAllowed)
{
    public static YamlScalarAnalysis Of(string value)
    {
        if (value.Length == 0) return new(false, false, true, true, false);
        var runes = value.EnumerateRunes().ToArray();

        bool blockIndicators = false, flowIndicators = false, lineBreaks = false, special = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;

        if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            blockIndicators = true;
            flowIndicators = true;
        }
        var precededByWhitespace = true;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i].Value;
            var followedByWhitespace = i + 1 >= runes.Length || runes[i + 1].Value is ' ' or '\t';
            if (i == 0)
            {
                switch (c)
                {
                    case '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                        flowIndicators = blockIndicators = true;
                        break;
                    case '?' or ':':
                        flowIndicators = true;
                        if (followedByWhitespace) blockIndicators = true;
                        break;
                    case '-' when followedByWhitespace:
                        flowIndicators = blockIndicators = true;
                        break;
                }
            }
            else
            {
                switch (c)
                {
                    case ',' or '?' or '[' or ']' or '{' or '}':
                        flowIndicators = true;
                        break;
                    case ':':
                        flowIndicators = true;
                        if (followedByWhitespace) blockIndicators = true;
                        break;
                    case '#' when precededByWhitespace:
                        flowIndicators = blockIndicators = true;
                        break;
                }
            }

            if (!IsPrintable(c)) special = true;
            if (c == ' ')
            {
                if (i == 0) leadingSpace = true;
                if (i == runes.Length - 1) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(c))
            {
                lineBreaks = true;
                if (i == 0) leadingBreak = true;
                if (i == runes.Length - 1) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = previousBreak = false;
            }
            precededByWhitespace = c is ' ' or '\t' or 0 || IsBreak(c);
        }

        bool flowPlain = true, blockPlain = true, singleQuoted = true, block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) flowPlain = blockPlain = false;
        if (trailingSpace) block = false;
        if (breakSpace) flowPlain = blockPlain = singleQuoted = false;
        if (spaceBreak || special) flowPlain = blockPlain = singleQuoted = block = false;
        if (lineBreaks) flowPlain = blockPlain = false;
        if (flowIndicators) flowPlain = false;
        if (blockIndicators) blockPlain = false;
        return new(lineBreaks, flowPlain, blockPlain, singleQuoted, block);
    }

    /// <summary>
    /// libyaml's printable set as go-yaml tests it on UTF-8 bytes: tab and characters outside the
    /// Basic Multilingual Plane (emoji) are not printable, so they force double quotes.
    /// </summary>
    public static bool IsPrintable(int c) =>
        c == 0x0A || c is >= 0x20 and <= 0x7E || c is >= 0xA0 and <= 0xD7FF || (c is >= 0xE000 and <= 0xFFFD && c != 0xFEFF);

    public static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    /// <summary>Go's <c>len(value)</c>: the key length limit of a simple key counts bytes.</summary>
    public static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);
}
