namespace KubeLab.Scenarios.Kubectl.Output.JsonPath;

/// <summary>
/// client-go's JSONPath parser: text with <c>{…}</c> actions holding fields (<c>.a.b</c>), arrays
/// (<c>[0]</c>, <c>[*]</c>, <c>[1:3]</c>, unions <c>[0,2]</c>), filters, <c>..</c>, quoted text,
/// numbers, booleans and the identifiers <c>range</c> and <c>end</c>.
/// </summary>
internal sealed partial class JsonPathParser
{
    private const int Eof = -1;

    private readonly string input;
    private readonly ListNode root = new([]);
    private int pos;
    private int start;

    private JsonPathParser(string input) => this.input = input;

    public static ListNode Parse(string text)
    {
        var parser = new JsonPathParser(text);
        parser.ParseText(parser.root);
        return parser.root;
    }

    // Parses "{text}" and returns its single action, as client-go's parseAction does for nested parts.
    private static ListNode ParseAction(string text) => (ListNode)Parse("{" + text + "}").Nodes[0];

    private void ParseText(ListNode cur)
    {
        while (true)
        {
            if (string.CompareOrdinal(input, pos, "{", 0, 1) == 0)
            {
                if (pos > start) cur.Nodes.Add(new TextNode(ConsumeText()));
                ParseLeftDelim(cur);
                return;
            }
            if (Next() == Eof) break;
        }
        if (pos > start) cur.Nodes.Add(new TextNode(ConsumeText()));
    }

    private void ParseLeftDelim(ListNode cur)
    {
        pos++;
        ConsumeText();
        var action = new ListNode([]);
        cur.Nodes.Add(action);
        ParseInsideAction(action);
    }

    private void ParseInsideAction(ListNode cur)
    {
        while (true)
        {
            if (StartsWith("}"))
            {
                pos++;
                ConsumeText();
                ParseText(root);
                return;
            }
            if (StartsWith("[?(")) { ParseFilter(cur); continue; }
            if (StartsWith("..")) { ParseRecursive(cur); continue; }

            var r = Next();
            switch (r)
            {
                case Eof or '\r' or '\n':
                    throw new JsonPathException("unclosed action");
                case ' ' or '@' or '$':
                    ConsumeText(); // the current object needs no node
                    break;
                case '[':
                    ParseArray(cur);
                    break;
                case '"' or '\'':
                    ParseQuote(cur, (char)r);
                    break;
                case '.':
                    ParseField(cur);
                    break;
                case '+' or '-':
                    Backup();
                    ParseNumber(cur);
                    break;
                default:
                    if (char.IsDigit((char)r)) { Backup(); ParseNumber(cur); break; }
                    if (IsAlphaNumeric(r)) { Backup(); ParseIdentifier(cur); break; }
                    throw new JsonPathException($"unrecognized character in action: U+{r:X4} '{(char)r}'");
            }
        }
    }

    private void ParseIdentifier(ListNode cur)
    {
        while (!IsTerminator(Next())) { }
        Backup();
        var value = ConsumeText();
        cur.Nodes.Add(value is "true" or "false" ? new BoolNode(value == "true") : new IdentifierNode(value));
    }

    private void ParseRecursive(ListNode cur)
    {
        if (cur.Nodes.Count > 0 && cur.Nodes[^1] is RecursiveNode)
            throw new JsonPathException("invalid multiple recursive descent");
        pos += 2;
        ConsumeText();
        cur.Nodes.Add(new RecursiveNode());
        if (IsAlphaNumeric(Peek())) ParseField(cur);
    }

    private void ParseNumber(ListNode cur)
    {
        if (Peek() is '+' or '-') Next();
        int r;
        while ((r = Next()) == '.' || (r != Eof && char.IsDigit((char)r))) { }
        Backup();
        var value = ConsumeText();
        if (int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i))
            cur.Nodes.Add(new IntNode(i));
        else if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
            cur.Nodes.Add(new FloatNode(d));
        else
            throw new JsonPathException($"cannot parse number {value}");
    }

    private void ParseField(ListNode cur)
    {
        ConsumeText();
        while (Advance()) { }
        var value = ConsumeText();
        cur.Nodes.Add(value == "*" ? new WildcardNode() : new FieldNode(value.Replace("\\", "")));
    }

    // A backslash escapes the next character (so `\.` stays in a field name).
    private bool Advance()
    {
        var r = Next();
        if (r == '\\') Next();
        else if (IsTerminator(r))
        {
            Backup();
            return false;
        }
        return true;
    }
}
