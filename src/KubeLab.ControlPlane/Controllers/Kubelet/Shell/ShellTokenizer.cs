using System.Text;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary>Words and operators of a script, each word with its quotes and substitutions still in it.</summary>
internal static class ShellTokenizer
{
    /// <summary>Splits a script into words (quotes kept) and operators; comments are dropped.</summary>
    public static List<string> Tokenize(string script)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0) tokens.Add(word.ToString());
            word.Clear();
        }
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    Flush();
                    break;
                case '#' when word.Length == 0:
                    while (i + 1 < script.Length && script[i + 1] != '\n') i++;
                    break;
                case '\n' or ';':
                    Flush();
                    tokens.Add(c.ToString());
                    break;
                case '&' or '|':
                    Flush();
                    if (i + 1 < script.Length && script[i + 1] == c) { tokens.Add(new string(c, 2)); i++; }
                    else tokens.Add(c.ToString());
                    break;
                case '\\' when i + 1 < script.Length:
                    if (script[i + 1] != '\n') word.Append(c).Append(script[i + 1]);
                    i++;
                    break;
                case '\'':
                    var close = script.IndexOf('\'', i + 1);
                    if (close < 0) close = script.Length - 1;
                    word.Append(script, i, close - i + 1);
                    i = close;
                    break;
                case '"':
                    var end = SkipDoubleQuoted(script, i);
                    word.Append(script, i, end - i + 1);
                    i = end;
                    break;
                case '$' when i + 1 < script.Length && script[i + 1] == '(':
                    var last = SkipParens(script, i + 1);
                    word.Append(script, i, last - i + 1);
                    i = last;
                    break;
                case '`':
                    var tick = script.IndexOf('`', i + 1);
                    if (tick < 0) tick = script.Length - 1;
                    word.Append(script, i, tick - i + 1);
                    i = tick;
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }
        Flush();
        return tokens;
    }

    public static int SkipDoubleQuoted(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '(') { i = SkipParens(text, i + 1); continue; }
            if (text[i] == '"') return i;
        }
        return text.Length - 1;
    }

    public static int SkipParens(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(': depth++; break;
                case ')' when --depth == 0: return i;
                case '\'':
                    var quote = text.IndexOf('\'', i + 1);
                    if (quote < 0) return text.Length - 1;
                    i = quote;
                    break;
                case '"': i = SkipDoubleQuoted(text, i); break;
            }
        }
        return text.Length - 1;
    }
}
