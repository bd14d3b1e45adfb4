namespace KubeLab.Scenarios.Model;

/// <summary>Parses <see cref="ObjectPath"/> text; an error names the character offset it found wrong.</summary>
public static class ObjectPathParser
{
    public static ObjectPath? Parse(string text, out PathSyntaxError? error)
    {
        var segments = new List<PathSegment>();
        var i = 0;
        error = null;
        if (text.Length == 0) error = new(0, "the path is empty");
        else if (text[0] is '.' or '{' or '$') error = new(0, $"write paths without jsonpath's '{text[0]}': e.g. 'status.phase'");
        while (error is null && i < text.Length)
        {
            if (text[i] == '[') error = Bracket(text, ref i, segments);
            else if (i > 0 && text[i] != '.') error = new(i, $"expected '.' or '[' at '{text[i]}'");
            else
            {
                if (i > 0) i++;
                var start = i;
                while (i < text.Length && IsNameChar(text[i])) i++;
                if (i == start) error = new(start, i < text.Length ? $"expected a field name at '{text[i]}'" : "expected a field name after '.'");
                else segments.Add(new FieldSegment(text[start..i]));
            }
        }
        return error is null ? new ObjectPath(text, segments) : null;
    }

    private static PathSyntaxError? Bracket(string text, ref int i, List<PathSegment> segments)
    {
        var open = i;
        var close = text.IndexOf(']', i);
        if (close < 0) return new(open, "'[' is not closed by ']'");
        var inner = text[(i + 1)..close];
        i = close + 1;
        if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
            segments.Add(new FieldSegment(inner[1..^1]));
        else if (int.TryParse(inner, out var index) && index >= 0 && inner.All(char.IsAsciiDigit))
            segments.Add(new IndexSegment(index));
        else if (inner.IndexOf('=') is > 0 and var eq && inner[..eq].All(IsNameChar))
            segments.Add(new SelectSegment(inner[..eq], Unquote(inner[(eq + 1)..])));
        else
            return new(open + 1, $"'[{inner}]' is not an index, a quoted key or a field=value selector");
        return null;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0] ? value[1..^1] : value;

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$';
}

/// <summary>What is wrong with a path, and at which character of it.</summary>
public sealed record PathSyntaxError(int Offset, string Message);
