using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// <c>Warning</c> response headers as client-go reads them (<c>299 - "text"</c>, several per header
/// separated by commas) and prints them: <c>Warning: text</c> on stderr, each text once per invocation.
/// </summary>
public sealed class WarningHeaders
{
    private readonly HashSet<string> written = [];
    private readonly StringBuilder text = new();

    /// <summary>What has been printed so far.</summary>
    public string Stderr => text.ToString();

    /// <summary>Prints the warnings of one response's <c>Warning</c> header values.</summary>
    public void Handle(IEnumerable<string> headerValues)
    {
        foreach (var value in headerValues)
        foreach (var (code, message) in Parse(value))
        {
            // Only code 299 ("miscellaneous persistent warning") is shown, as client-go does.
            if (code != 299 || message.Length == 0 || !written.Add(message)) continue;
            text.Append(OperationMessages.Warning(message));
        }
    }

    /// <summary>RFC 7234 warn-values: <c>code SP agent SP quoted-text [SP quoted-date]</c>, comma-separated.</summary>
    public static IEnumerable<(int Code, string Text)> Parse(string header)
    {
        var i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && header[i] is ' ' or ',') i++;
            if (i + 3 > header.Length || !int.TryParse(header.AsSpan(i, 3), out var code)) yield break;
            i += 3;
            if (i >= header.Length || header[i] != ' ') yield break;
            var agentEnd = header.IndexOf(' ', i + 1);
            if (agentEnd < 0) yield break;
            i = agentEnd + 1;
            if (!TryQuoted(header, ref i, out var message)) yield break;
            // An optional quoted date follows.
            if (i + 1 < header.Length && header[i] == ' ' && header[i + 1] == '"') { i++; TryQuoted(header, ref i, out _); }
            yield return (code, message);
        }
    }

    private static bool TryQuoted(string s, ref int i, out string value)
    {
        value = "";
        if (i >= s.Length || s[i] != '"') return false;
        var result = new StringBuilder();
        for (i++; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length) result.Append(s[++i]);
            else if (s[i] == '"') { i++; value = result.ToString(); return true; }
            else result.Append(s[i]);
        }
        return false;
    }
}
