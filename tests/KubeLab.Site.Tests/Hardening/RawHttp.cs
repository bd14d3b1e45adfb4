using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace KubeLab.Site.Tests.Hardening;

/// <summary>
/// One HTTP/1.1 request written byte for byte on a connection of its own (TLS for https), for what HttpClient will not
/// send: an absolute-form request target, a Host header of another server, a raw NUL. Returns the status code (0 if the
/// server closed without answering) and the rest of the response.
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Response)> SendAsync(Uri server, string requestLine, params string[] headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        Stream stream = tcp.GetStream();
        if (server.Scheme == Uri.UriSchemeHttps)
        {
            // Loopback to the test's own site: which certificate it shows is not what these requests test.
            var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync(server.Host);
            stream = tls;
        }
        await using (stream)
        {
            var head = new StringBuilder(requestLine).Append("\r\n");
            if (!headers.Any(h => h.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))) head.Append($"Host: {server.Authority}\r\n");
            foreach (var header in headers) head.Append(header).Append("\r\n");
            head.Append("Connection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string response;
            try
            {
                response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (IOException)
            {
                return (0, "");
            }
            var status = response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(response.AsSpan(9, 3)) : 0;
            return (status, response);
        }
    }
}
