namespace KubeLab.Scenarios.Curl;

/// <summary>
/// A transfer that failed the way curl reports it: <c>curl: (CODE) message</c> on stderr, exit CODE. The
/// message is also curl's verbose <c>* message</c> line and the <c>%{errormsg}</c> of <c>-w</c>.
/// </summary>
internal sealed class CurlFailure(int code, string message) : Exception(message)
{
    public int Code { get; } = code;

    /// <summary>Already explained (a warning was printed): curl prints no <c>curl: (N)</c> line for it.</summary>
    public bool Synthetic { get; init; }

    public static CurlFailure BadUrl() => new(3, "URL using bad/illegal format or missing URL");
    public static CurlFailure Unresolved(string host) => new(6, $"Could not resolve host: {host}");
    public static CurlFailure Refused(string host, int port) => new(7, $"Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server");
    public static CurlFailure NotTls() => new(35, "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number");
    public static CurlFailure ClientCertificate(string message) => new(58, message);
    public static CurlFailure PeerVerification(string reason) => new(60, $"SSL certificate problem: {reason}");
    public static CurlFailure CaFile(string file) => new(77, $"error setting certificate file: {file}");

    /// <summary>What curl adds after a certificate verification failure (tool_operate.c, CURL_CA_CERT_ERRORMSG).</summary>
    public const string CaCertAdvice =
        "More details here: https://curl.se/docs/sslcerts.html\n\n" +
        "curl failed to verify the legitimacy of the server and therefore could not\n" +
        "establish a secure connection to it. To learn more about this situation and\n" +
        "how to fix it, please visit the web page mentioned above.\n";

    public string Report => $"curl: ({Code}) {Message}\n" + (Code == 60 ? CaCertAdvice : "");
}
