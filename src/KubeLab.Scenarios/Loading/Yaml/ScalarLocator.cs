using KubeLab.Scenarios.Model;
using YamlDotNet.Core;

namespace KubeLab.Scenarios.Loading.Yaml;

/// <summary>
/// Finds where a character of a scalar's value was written, so that an error inside a command or a
/// path points at the word itself (<c>kubectl gett pods</c> → the column of <c>gett</c>). Works for
/// single-line scalars and for block scalars whose lines map one-to-one onto the value; anything
/// YAML rewrote more (escapes, blank lines in folded text) falls back to the scalar's start.
/// </summary>
internal static class ScalarLocator
{
    public static SourcePosition Locate(string source, YamlScalar scalar, int offset)
    {
        var raw = source[(int)scalar.Start.Index..Math.Min(source.Length, (int)scalar.End.Index)];
        var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded) return InBlock(raw, scalar, offset);
        if (!raw.Contains('\n') && raw.Length - 2 * quote == scalar.Value.Length && raw.AsSpan(quote).StartsWith(scalar.Value))
            return new(scalar.At.Line, scalar.At.Column + quote + offset);
        return scalar.At;
    }

    private static SourcePosition InBlock(string raw, YamlScalar scalar, int offset)
    {
        var lines = raw.Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).First();
        var valueStart = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var content = lines[i].Length >= indent ? lines[i][indent..] : "";
            var end = valueStart + content.Length;
            if (offset <= end)
            {
                var matches = end <= scalar.Value.Length && scalar.Value.AsSpan(valueStart, content.Length).SequenceEqual(content);
                return matches ? new(scalar.At.Line + i, indent + 1 + offset - valueStart) : scalar.At;
            }
            valueStart = end + 1;
        }
        return scalar.At;
    }
}
