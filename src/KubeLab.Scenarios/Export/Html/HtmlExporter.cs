using System.Net;
using System.Text;
using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Export.Html;

/// <summary>
/// Exchanges as one self-contained HTML page (no scripts, no external files): each request and response
/// as the HTTP/1.1 text of <see cref="HttpText"/>, CR shown as <c>␍</c> so the line ends of the wire are
/// visible, binary bodies as their hex dump and decoded object.
/// </summary>
public static class HtmlExporter
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2433}
        h1{font-size:1.4rem}h2{font-size:1rem;margin:0}
        section{border:1px solid #d4d9e1;border-radius:6px;margin:1rem 0;padding:.75rem 1rem}
        pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:.8rem}
        .cr{color:#9aa4b2}.status{font-weight:600}
        """;

    public static string Export(IEnumerable<WireExchange> exchanges, string title, ResourceCatalog? catalog = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        var number = 0;
        foreach (var exchange in exchanges)
        {
            number++;
            html.Append("<section id=\"exchange-").Append(number).Append("\">\n<h2>").Append(number).Append(". ")
                .Append(Encode($"{exchange.Method} {exchange.Target}")).Append(" <span class=\"status\">")
                .Append(exchange.Status == 0 ? "no response" : Encode($"{exchange.Status} {StatusPhrases.Of(exchange.Status)}")).Append("</span></h2>\n");
            html.Append("<pre>").Append(Wire(HttpText.Request(exchange, catalog))).Append("</pre>\n");
            if (HttpText.Response(exchange, catalog) is { } response) html.Append("<pre>").Append(Wire(response)).Append("</pre>\n");
            html.Append("</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The text with each CR made visible before its line feed.</summary>
    private static string Wire(string text) => Encode(text).Replace("\r", "<span class=\"cr\">␍</span>");
}
