using KubeLab.Scenarios.Clients;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// curl's <c>-v</c> trace on stderr (tool_cb_dbg.c): <c>* </c> before information, <c>&gt; </c> before each
/// request header line and <c>&lt; </c> before each response header line. Header lines keep their CRLF, as
/// curl writes the bytes it sent and received; information lines end in LF.
/// </summary>
internal sealed class CurlVerbose(bool enabled, CommandOutput output)
{
    public bool Enabled => enabled;

    public void Info(string line)
    {
        if (enabled) output.Error($"* {line}\n");
    }

    /// <summary>"Trying" is indented as curl indents it: <c>*   Trying 127.0.0.1:6443...</c>.</summary>
    public void Trying(string host, int port) => Info($"  Trying {host}:{port}...");

    public void Sent(string head) => Prefixed("> ", head);

    public void Received(string head) => Prefixed("< ", head);

    private void Prefixed(string prefix, string head)
    {
        if (!enabled) return;
        foreach (var line in head.Split("\r\n")[..^1]) output.Error(prefix + line + "\r\n");
    }
}
