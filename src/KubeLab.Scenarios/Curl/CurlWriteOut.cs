using System.Globalization;
using System.Text;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// <c>-w</c>/<c>--write-out</c> (tool_writeout.c, curl 7.88): <c>%{variable}</c>, <c>%%</c>, and the escapes
/// <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\\</c>. <c>%{stderr}</c>/<c>%{stdout}</c> switch where the rest goes.
/// An unknown variable is reported on stderr and writes nothing.
/// </summary>
internal static class CurlWriteOut
{
    public static (string Stdout, string Stderr) Format(string format, CurlTransfer transfer)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var target = stdout;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '%' && i + 1 < format.Length && format[i + 1] == '%') { target.Append('%'); i++; }
            else if (c == '%' && i + 1 < format.Length && format[i + 1] == '{' && format.IndexOf('}', i + 2) is var close and > 0)
            {
                var name = format[(i + 2)..close];
                i = close;
                if (name == "stdout") target = stdout;
                else if (name == "stderr") target = stderr;
                else if (Variable(name, transfer) is { } value) target.Append(value);
                else stderr.Append($"curl: unknown --write-out variable: '{name}'\n");
            }
            else if (c == '\\' && i + 1 < format.Length && format[i + 1] is 'n' or 'r' or 't' or '\\')
            {
                target.Append(format[++i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => '\\' });
            }
            else target.Append(c);
        }
        return (stdout.ToString(), stderr.ToString());
    }

    private static string? Variable(string name, CurlTransfer t)
    {
        var connected = t.Connected;
        return name switch
        {
            "http_code" or "response_code" => t.Status.ToString("000", CultureInfo.InvariantCulture),
            "exitcode" => (t.Failure?.Code ?? 0).ToString(CultureInfo.InvariantCulture),
            "errormsg" => t.Failure?.Message ?? "",
            "http_version" => t.HttpVersion.Length > 0 ? t.HttpVersion : "0",
            "method" => t.Request?.Method ?? "GET",
            "scheme" => connected ? t.Url?.Scheme.ToUpperInvariant() ?? "" : "",
            "url" => t.Url?.Text ?? "",
            "url_effective" => t.Url?.Text ?? "",
            "content_type" => t.ContentType ?? "",
            "num_headers" => t.ResponseHeaderCount.ToString(CultureInfo.InvariantCulture),
            "size_download" => t.Downloaded.ToString(CultureInfo.InvariantCulture),
            "size_header" => t.ResponseHeadBytes.ToString(CultureInfo.InvariantCulture),
            "size_request" => t.RequestHeadBytes.ToString(CultureInfo.InvariantCulture),
            "size_upload" => t.Uploaded.ToString(CultureInfo.InvariantCulture),
            "remote_ip" or "local_ip" => connected ? "127.0.0.1" : "",
            "remote_port" => connected ? t.Url?.Port.ToString(CultureInfo.InvariantCulture) ?? "" : "",
            "ssl_verify_result" => t.VerifyResult.ToString(CultureInfo.InvariantCulture),
            "num_connects" => connected ? "1" : "0",
            "num_redirects" => "0",
            "time_total" or "time_starttransfer" => Seconds(t.Elapsed),
            "time_namelookup" or "time_connect" or "time_appconnect" or "time_pretransfer" or "time_redirect" => Seconds(TimeSpan.Zero),
            "speed_download" => (t.Elapsed > TimeSpan.Zero ? (long)(t.Downloaded / t.Elapsed.TotalSeconds) : 0).ToString(CultureInfo.InvariantCulture),
            "speed_upload" => "0",
            _ => null,
        };
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
}
