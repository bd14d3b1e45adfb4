namespace KubeLab.Scenarios.Curl;

/// <summary>
/// A URL as curl reads it: a missing scheme means http, a missing path means <c>/</c>, and the target
/// (path and query) is sent as written.
/// </summary>
internal sealed record CurlUrl(string Scheme, string Host, int Port, string Target)
{
    public bool IsHttps => Scheme == "https";

    /// <summary>The Host header: the port is left out when it is the scheme's default.</summary>
    public string Authority => Port == (IsHttps ? 443 : 80) ? Host : $"{Host}:{Port}";

    public string Text => $"{Scheme}://{Authority}{Target}";

    public Uri Uri => new(Text);

    public static CurlUrl? Parse(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "http" : text[..schemeEnd].ToLowerInvariant();
        var rest = schemeEnd < 0 ? text : text[(schemeEnd + 3)..];
        var slash = rest.IndexOfAny(['/', '?']);
        var authority = slash < 0 ? rest : rest[..slash];
        var target = slash < 0 ? "/" : rest[slash] == '?' ? "/" + rest[slash..] : rest[slash..];
        if (authority.Length == 0 || authority.Contains('@') || target.Any(c => c <= ' ')) return null;
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        var port = scheme switch { "https" => 443, "http" => 80, _ => 0 };
        if (colon >= 0 && (!int.TryParse(authority[(colon + 1)..], out port) || port is < 1 or > 65535)) return null;
        var url = new CurlUrl(scheme, host.ToLowerInvariant(), port, target);
        return Uri.TryCreate(url.Text, UriKind.Absolute, out _) ? url : null;
    }
}
