namespace KubeLab.Scenarios.Http;

/// <summary>
/// Header names as Go's <c>textproto.CanonicalMIMEHeaderKey</c> writes them: the first letter and every
/// letter after a hyphen upper case, the rest lower case (<c>audit-id</c> → <c>Audit-Id</c>). A name with
/// a byte that is not a token character is left as it is, as Go does.
/// </summary>
public static class GoHeaderKey
{
    public static string Canonical(string name)
    {
        if (name.Length == 0 || !name.All(IsTokenChar)) return name;
        var chars = name.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            upper = chars[i] == '-';
        }
        return new string(chars);
    }

    /// <summary>RFC 7230 tchar.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
