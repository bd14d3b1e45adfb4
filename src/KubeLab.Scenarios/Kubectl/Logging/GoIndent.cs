using System.Text;

namespace KubeLab.Scenarios.Kubectl.Logging;

/// <summary>Go's <c>json.Indent</c>: re-indents compact JSON without touching its strings or key order.</summary>
internal static class GoIndent
{
    public static string Indent(string json, string indent = "  ")
    {
        var text = new StringBuilder();
        var depth = 0;
        var inString = false;
        var needIndent = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\' && i + 1 < json.Length) text.Append(json[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (char.IsWhiteSpace(c)) continue;
            if (needIndent && c is not (']' or '}'))
            {
                needIndent = false;
                depth++;
                NewLine(text, indent, depth);
            }
            switch (c)
            {
                case '"': inString = true; text.Append(c); break;
                case '{' or '[': text.Append(c); needIndent = true; break;
                case ',': text.Append(c); NewLine(text, indent, depth); break;
                case ':': text.Append(": "); break;
                case '}' or ']':
                    if (needIndent) needIndent = false;
                    else
                    {
                        depth--;
                        NewLine(text, indent, depth);
                    }
                    text.Append(c);
                    break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    private static void NewLine(StringBuilder text, string indent, int depth)
    {
        text.Append('\n');
        for (var i = 0; i < depth; i++) text.Append(indent);
    }
}
