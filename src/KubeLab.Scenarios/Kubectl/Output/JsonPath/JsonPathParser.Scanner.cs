namespace KubeLab.Scenarios.Kubectl.Output.JsonPath;

/// <summary>The parser's cursor over the template text: one character at a time, with one step of backup.</summary>
internal sealed partial class JsonPathParser
{
    private static bool IsTerminator(int r) =>
        r is Eof or ' ' or '\t' or '\r' or '\n' or '.' or ',' or '[' or ']' or '$' or '@' or '{' or '}';

    private static bool IsAlphaNumeric(int r) => r == '_' || (r != Eof && char.IsLetterOrDigit((char)r));

    private bool StartsWith(string prefix) => string.CompareOrdinal(input, pos, prefix, 0, prefix.Length) == 0 && pos + prefix.Length <= input.Length;

    private int Next()
    {
        if (pos >= input.Length)
        {
            width = 0;
            return Eof;
        }
        width = 1;
        return input[pos++];
    }

    private int width;

    private int Peek()
    {
        var r = Next();
        Backup();
        return r;
    }

    private void Backup() => pos -= width;

    private string ConsumeText()
    {
        var value = input[start..pos];
        start = pos;
        return value;
    }
}
