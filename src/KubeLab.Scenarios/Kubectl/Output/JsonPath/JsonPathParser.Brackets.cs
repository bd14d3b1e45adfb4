using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Kubectl.Output.JsonPath;

/// <summary>The bracketed and quoted parts of a template: indexes, slices, unions, filters, strings.</summary>
internal sealed partial class JsonPathParser
{
    private void ParseArray(ListNode cur)
    {
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n') throw new JsonPathException("unterminated array");
            if (r == ']') break;
        }
        var text = ConsumeText();
        text = text[1..^1];
        if (text == "*") text = ":";

        var parts = text.Split(',');
        if (parts.Length > 1)
        {
            cur.Nodes.Add(new UnionNode(parts.Select(p => ParseAction($"[{p.Trim(' ')}]")).ToList()));
            return;
        }
        // ['key'] is a field; its dots still separate fields, as in client-go.
        var key = DictKey().Match(text);
        if (key.Success)
        {
            cur.Nodes.AddRange(ParseAction("." + key.Groups[1].Value).Nodes);
            return;
        }
        var slice = SliceOperator().Match(text);
        if (!slice.Success) throw new JsonPathException($"invalid array index {text}");
        var parameters = new SliceParam[3];
        for (var i = 0; i < 3; i++)
        {
            var value = slice.Groups[i + 1].Value;
            if (value.Length > 0)
            {
                if (i > 0) value = value[1..];
                if (i > 0 && value.Length == 0)
                    parameters[i] = new SliceParam(0, Known: false, Derived: false);
                else if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    parameters[i] = new SliceParam(n, Known: true, Derived: false);
                else
                    throw new JsonPathException($"array index {value} is not a number");
            }
            else if (i == 1)
            {
                // [i] means [i:i+1].
                parameters[i] = new SliceParam(parameters[0].Value + 1, Known: true, Derived: true);
            }
        }
        cur.Nodes.Add(new ArrayNode(parameters));
    }

    private void ParseFilter(ListNode cur)
    {
        pos += 3;
        ConsumeText();
        bool begin = false, end = false;
        var pair = '\0';
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n') throw new JsonPathException("unterminated filter");
            if (r is '"' or '\'')
            {
                if (!begin)
                {
                    begin = true;
                    pair = (char)r;
                    continue;
                }
                if (input[pos - 2] != '\\' && r == pair) end = true;
            }
            else if (r == ')' && begin == end)
            {
                break;
            }
        }
        if (Next() != ']') throw new JsonPathException("unclosed array expect ]");
        var text = ConsumeText();
        text = text[..^2];
        var comparison = FilterComparison().Match(text);
        if (!comparison.Success)
        {
            cur.Nodes.Add(new FilterNode(ParseAction(text), new ListNode([]), "exists"));
            return;
        }
        cur.Nodes.Add(new FilterNode(
            ParseAction(comparison.Groups[1].Value), ParseAction(comparison.Groups[3].Value), comparison.Groups[2].Value));
    }

    private void ParseQuote(ListNode cur, char quote)
    {
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n') throw new JsonPathException("unterminated quoted string");
            if (r == quote && input[pos - 2] != '\\') break;
        }
        var value = ConsumeText();
        cur.Nodes.Add(new TextNode(Unquote(value)));
    }

    // client-go's UnquoteExtend: Go string escapes inside "…" or '…'.
    private static string Unquote(string s)
    {
        var quote = s[0];
        s = s[1..^1];
        if (!s.Contains('\\') && !s.Contains(quote)) return s;
        var text = new StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            var c = s[i++];
            if (c == quote) throw new JsonPathException($"unquote string {quote}{s}{quote} error invalid syntax");
            if (c != '\\') { text.Append(c); continue; }
            if (i >= s.Length) throw new JsonPathException($"unquote string {quote}{s}{quote} error invalid syntax");
            var e = s[i++];
            switch (e)
            {
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'v': text.Append('\v'); break;
                case '\\': text.Append('\\'); break;
                case '\'' or '"' when e == quote: text.Append(e); break;
                case 'x' or 'u' or 'U':
                    var length = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + length > s.Length || !int.TryParse(s.AsSpan(i, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        throw new JsonPathException($"unquote string {quote}{s}{quote} error invalid syntax");
                    text.Append(e == 'x' ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    i += length;
                    break;
                default:
                    throw new JsonPathException($"unquote string {quote}{s}{quote} error invalid syntax");
            }
        }
        return text.ToString();
    }

    [GeneratedRegex("^'([^']*)'$")]
    private static partial Regex DictKey();

    [GeneratedRegex(@"^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$")]
    private static partial Regex SliceOperator();

    [GeneratedRegex("^([^!<>=]+)([!<>=]+)(.+?)$")]
    private static partial Regex FilterComparison();
}
