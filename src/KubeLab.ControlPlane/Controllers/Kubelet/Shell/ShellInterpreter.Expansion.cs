using System.Text;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary>Word expansion: quotes, variables, command substitution and arithmetic, then field splitting.</summary>
internal sealed partial class ShellInterpreter
{
    /// <summary>Expands one word into fields: quotes removed, variables, $(...) and $((...)) substituted.</summary>
    public List<string> Expand(string word)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quotedSomething = false;
        void SplitInto(string text)
        {
            var parts = text.Split([' ', '\t', '\n'], StringSplitOptions.None);
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0 && current.Length > 0) { fields.Add(current.ToString()); current.Clear(); }
                current.Append(parts[p]);
            }
        }
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '\\' && i + 1 < word.Length) { current.Append(word[++i]); quotedSomething = true; }
            else if (c == '\'')
            {
                var close = word.IndexOf('\'', i + 1);
                if (close < 0) close = word.Length;
                current.Append(word[(i + 1)..Math.Min(close, word.Length)]);
                quotedSomething = true;
                i = close;
            }
            else if (c == '"')
            {
                var close = ShellTokenizer.SkipDoubleQuoted(word, i);
                current.Append(ExpandQuoted(word[(i + 1)..Math.Max(i + 1, close)]));
                quotedSomething = true;
                i = close;
            }
            else if (c is '$' or '`')
            {
                var (text, end) = Substitute(word, i);
                SplitInto(text);
                i = end;
            }
            else current.Append(c);
        }
        if (current.Length > 0 || quotedSomething) fields.Add(current.ToString());
        return fields;
    }

    private string ExpandQuoted(string inner)
    {
        var text = new StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\\' or '$' or '`') text.Append(inner[++i]);
            else if (c is '$' or '`')
            {
                var (value, end) = Substitute(inner, i);
                text.Append(value);
                i = end;
            }
            else text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>The value of the expansion starting at <paramref name="at"/>, and where it ends.</summary>
    private (string Value, int End) Substitute(string text, int at)
    {
        if (text[at] == '`')
        {
            var close = text.IndexOf('`', at + 1);
            if (close < 0) close = text.Length - 1;
            return (Capture(text[(at + 1)..close]), close);
        }
        if (at + 1 >= text.Length) return ("$", at);
        if (text[at + 1] == '(')
        {
            var close = ShellTokenizer.SkipParens(text, at + 1);
            if (at + 2 < text.Length && text[at + 2] == '(')
                return (ShellArithmetic.Evaluate(text[(at + 3)..Math.Max(at + 3, close - 1)], state).ToString(), close);
            return (Capture(text[(at + 2)..close]), close);
        }
        if (text[at + 1] == '{')
        {
            var close = text.IndexOf('}', at + 2);
            if (close < 0) return ("$", at);
            return (state.Lookup(text[(at + 2)..close].Split(':')[0]), close);
        }
        if (text[at + 1] is '?' or '$' or '#' or '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7' or '8' or '9')
            return (state.Lookup(text[at + 1].ToString()), at + 1);
        var end = at + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        return end == at + 1 ? ("$", at) : (state.Lookup(text[(at + 1)..end]), end - 1);
    }

    /// <summary>$(...): the command's output with trailing newlines removed; time does not pass inside.</summary>
    private string Capture(string script)
    {
        var inner = new ShellInterpreter(state.Child(), _ => false);
        var output = new StringBuilder();
        var steps = 0;
        foreach (var step in inner.Run(ShellParser.Parse(script)))
        {
            if (step is OutputStep o) output.Append(o.Text);
            if (step is ExitStep or EndlessStep || ++steps > 10_000) break;
        }
        state.Status = inner.State.Status;
        return output.ToString().TrimEnd('\n');
    }
}
