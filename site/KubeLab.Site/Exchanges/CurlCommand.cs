using System.Text;
using KubeLab.Scenarios.Http;

namespace KubeLab.Site.Exchanges;

/// <summary>
/// "Copy as curl": a curl command line that sends the request again, as browsers' developer tools write one.
/// Headers curl writes itself (Host, Content-Length) are left to it; the server is the one the kubeconfig
/// names, so the command works against <c>kubelab serve</c> with its CA certificate.
/// </summary>
public static class CurlCommand
{
    private static readonly string[] CurlOwned = ["Host", "Content-Length", "Accept-Encoding", "Transfer-Encoding", "Connection"];

    public static string From(WireMessage request, string method, string target, string server = "https://127.0.0.1:6443")
    {
        var text = new StringBuilder("curl --cacert ca.crt");
        var body = request.Payload;
        // curl infers GET, and POST from a body; naming them too only earns a warning.
        if (method == "HEAD") text.Append(" --head");
        else if (!(method == "GET" && body.Length == 0) && !(method == "POST" && body.Length > 0)) text.Append(" -X ").Append(method);
        text.Append(' ').Append(Quote(server + target));
        foreach (var header in request.Headers.Where(h => !CurlOwned.Any(h.Is)))
            text.Append(" \\\n  -H ").Append(Quote($"{header.Name}: {header.Value}"));
        if (body.Length > 0)
            text.Append(" \\\n  --data-binary ").Append(HttpText.IsText(body) ? Quote(Encoding.UTF8.GetString(body)) : "@body.bin");
        return text.ToString();
    }

    /// <summary>Single-quoted for a POSIX shell: a quote inside becomes <c>'\''</c>.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
