using System.Text;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// The request curl builds from its options (lib/http.c): the method, the target as written in the URL,
/// the header lines in curl's order — Host, User-Agent, Accept, the <c>-H</c> headers as given, then
/// Content-Length and the form Content-Type that <c>-d</c> implies — and the body.
/// </summary>
internal sealed record CurlRequest(string Method, CurlUrl Url, IReadOnlyList<CurlHeader> Headers, byte[]? Body)
{
    public const string UserAgent = "curl/7.88.1";

    /// <summary>The method curl would pick by itself: POST when there is data, GET otherwise.</summary>
    public string InferredMethod => Body is null ? "GET" : "POST";

    public string Head
    {
        get
        {
            var head = new StringBuilder($"{Method} {Url.Target} HTTP/1.1\r\n");
            foreach (var header in Headers) head.Append(header.Line).Append("\r\n");
            return head.Append("\r\n").ToString();
        }
    }

    public static CurlRequest Build(CurlOptions options, CurlUrl url, byte[]? body)
    {
        var custom = options.Headers.Select(ParseHeader).Where(h => h is not null).Select(h => h!).ToList();
        bool Overridden(string name) => custom.Any(h => h.Is(name));
        CurlHeader? Custom(string name) => custom.LastOrDefault(h => h.Is(name) && !h.Remove);

        var headers = new List<CurlHeader>();
        // Host and User-Agent keep their places when replaced; a replaced Accept moves to the custom headers.
        if (!Overridden("Host")) headers.Add(CurlHeader.Of("Host", url.Authority));
        else if (Custom("Host") is { } host) headers.Add(host);
        if (!Overridden("User-Agent")) headers.Add(CurlHeader.Of("User-Agent", UserAgent));
        else if (Custom("User-Agent") is { } agent) headers.Add(agent);
        if (!Overridden("Accept")) headers.Add(CurlHeader.Of("Accept", "*/*"));
        headers.AddRange(custom.Where(h => !h.Remove && !h.Is("Host") && !h.Is("User-Agent")));
        if (body is not null)
        {
            if (!Overridden("Content-Length")) headers.Add(CurlHeader.Of("Content-Length", body.Length.ToString()));
            if (!Overridden("Content-Type")) headers.Add(CurlHeader.Of("Content-Type", "application/x-www-form-urlencoded"));
        }
        return new CurlRequest(options.Method ?? (body is null ? "GET" : "POST"), url, headers, body);
    }

    /// <summary>
    /// <c>Name: value</c> adds a header, <c>Name:</c> removes one curl would send, <c>Name;</c> sends it empty;
    /// anything else is ignored, as curl ignores it.
    /// </summary>
    private static CurlHeader? ParseHeader(string header)
    {
        var colon = header.IndexOf(':');
        var semicolon = header.IndexOf(';');
        if (colon > 0 && (semicolon < 0 || colon < semicolon))
        {
            var value = header[(colon + 1)..].Trim(' ', '\t');
            return new CurlHeader(header[..colon], value, header, Remove: value.Length == 0);
        }
        if (semicolon > 0 && header[(semicolon + 1)..].Trim().Length == 0) return new CurlHeader(header[..semicolon], "", header[..semicolon] + ":");
        return null;
    }
}

/// <summary>A request header: its name and value, and the line curl writes (a <c>-H</c> line goes out as typed).</summary>
internal sealed record CurlHeader(string Name, string Value, string Line, bool Remove = false)
{
    public static CurlHeader Of(string name, string value) => new(name, value, $"{name}: {value}");

    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}
