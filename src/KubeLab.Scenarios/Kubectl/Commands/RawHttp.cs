using System.Text;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands;

/// <summary>
/// kubectl's <c>rawhttp</c>, behind <c>get|create|replace|delete --raw URI</c>: one request to the URI as the REST client's
/// <c>RequestURI</c> reads it (its path, and its query parsed and encoded again), a file's bytes as they are for a body
/// (sent chunked: the length of an open file is not known), and the answer copied to stdout.
/// </summary>
internal static class RawHttp
{
    /// <summary>url.ParseRequestURI, as the commands' Validate calls it: an absolute path, or an absolute URL.</summary>
    public static void Validate(string raw)
    {
        if (Problem(raw) is { } problem) throw KubectlException.Client($"--raw must be a valid URL path: parse {GoValue.Quote(raw)}: {problem}");
    }

    /// <summary>The checks create, replace and delete make of <c>--raw</c> with files: one at most, local, not recursive, no <c>-o</c>.</summary>
    public static void ValidateWithFiles(Invocation invocation, string raw, IReadOnlyList<string> files, bool fileRequired)
    {
        var flags = invocation.Flags;
        if (fileRequired ? files.Count != 1 : files.Count > 1) throw KubectlException.Client("--raw can only use a single local file or stdin");
        if (files.Count == 1 && (files[0].StartsWith("http://", StringComparison.Ordinal) || files[0].StartsWith("https://", StringComparison.Ordinal)))
            throw KubectlException.Client("--raw cannot read from a url");
        if (flags.Bool("recursive")) throw KubectlException.Client("--raw and --recursive are mutually exclusive");
        if (flags.Defines("selector") && flags.String("selector").Length > 0 && invocation.CommandPath == "kubectl create")
            throw KubectlException.Client("--raw and --selector (-l) are mutually exclusive");
        if (flags.String("output").Length > 0) throw KubectlException.Client("--raw and --output are mutually exclusive");
        Validate(raw);
    }

    public static async Task<int> SendAsync(Invocation invocation, HttpMethod method, string raw, string? file)
    {
        byte[]? body = null;
        if (file is not null)
        {
            if (file == "-") throw KubectlException.Client("reading from stdin is not simulated: give a file");
            body = invocation.Environment.Files.TryGetValue(file, out var text) ? Encoding.UTF8.GetBytes(text)
                : throw KubectlException.Client($"open {file}: no such file or directory");
        }
        var (path, query) = Split(raw);
        var response = await invocation.Client.SendAsync(new KubeRequest(method, path)
        {
            Query = query,
            Accept = KubeRequest.AnyAccept,
            ContentType = null,
            Body = body,
            Chunked = body is not null,
            Caller = "raw.go:84",
            LogResponseBody = false,
            AbsPath = true,
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()));
        invocation.Out(Encoding.UTF8.GetString(response.Body));
        return 0;
    }

    /// <summary>Request.RequestURI: the URL's path (unescaped, then escaped again as a URL path) and its query as url.Values encode it.</summary>
    public static (string Path, string Query) Split(string raw)
    {
        var question = raw.IndexOf('?');
        var uri = question < 0 ? raw : raw[..question];
        var rawQuery = question < 0 ? "" : raw[(question + 1)..];
        var hash = rawQuery.IndexOf('#');
        if (hash >= 0) rawQuery = rawQuery[..hash];
        // An absolute URL keeps only its path: the REST client's own server is asked.
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !uri[..scheme].Contains('/'))
        {
            var slash = uri.IndexOf('/', scheme + 3);
            uri = slash < 0 ? "" : uri[slash..];
        }
        var query = new GoQuery();
        foreach (var pair in rawQuery.Split('&'))
        {
            // url.ParseQuery drops what it cannot read: a semicolon, a bad escape.
            if (pair.Length == 0 || pair.Contains(';')) continue;
            var eq = pair.IndexOf('=');
            var (key, value) = eq < 0 ? (pair, "") : (pair[..eq], pair[(eq + 1)..]);
            if (Unescape(key, plus: true) is { } k && Unescape(value, plus: true) is { } v) query.Add(k, v);
        }
        return (EscapePath(Unescape(uri, plus: false) ?? uri), query.Encode());
    }

    private static string? Problem(string raw)
    {
        if (raw.Any(c => c < 0x20 || c == 0x7f)) return "net/url: invalid control character in URL";
        var uri = raw.Split('?', 2)[0];
        var scheme = uri.IndexOf(':');
        var isUrl = scheme > 0 && char.IsAsciiLetter(uri[0]) && uri[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
        if (!isUrl && !uri.StartsWith('/')) return "invalid URI for request";
        for (var i = 0; i < uri.Length; i++)
        {
            if (uri[i] != '%') continue;
            if (i + 2 >= uri.Length || !char.IsAsciiHexDigit(uri[i + 1]) || !char.IsAsciiHexDigit(uri[i + 2]))
                return $"invalid URL escape {GoValue.Quote(uri[i..Math.Min(i + 3, uri.Length)])}";
        }
        return null;
    }

    /// <summary>url.PathUnescape or QueryUnescape (<paramref name="plus"/>: '+' is a space); null for a bad escape.</summary>
    private static string? Unescape(string text, bool plus)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])) return null;
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+' && plus) bytes.Add((byte)' ');
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length) bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i++, 2)));
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>url.URL.EscapedPath for a path without a raw form: unreserved characters and <c>$&amp;+,/:;=@</c> stay, the rest is escaped.</summary>
    private static string EscapePath(string path)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '@') text.Append(c);
            else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
