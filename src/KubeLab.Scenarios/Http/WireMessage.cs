using System.Text;

namespace KubeLab.Scenarios.Http;

/// <summary>
/// One HTTP/1.1 message exactly as it crosses the wire: start line, header lines in order, a blank line,
/// then the body framed as <see cref="Framing"/> says. <see cref="Body"/> holds the payload in the pieces
/// it was written in (a watch event per piece); <see cref="Complete"/> is false while a stream is open.
/// </summary>
public sealed record WireMessage(string StartLine, IReadOnlyList<HeaderField> Headers, BodyFraming Framing, IReadOnlyList<byte[]> Body, bool Complete = true)
{
    /// <summary>Sent as it was written, flushed piece by piece (a watch), rather than in one go.</summary>
    public bool Streamed { get; init; }

    /// <summary>Start line and headers, each ending in CRLF, and the blank line that ends the head.</summary>
    public string Head
    {
        get
        {
            var head = new StringBuilder(StartLine).Append("\r\n");
            foreach (var header in Headers) head.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
            return head.Append("\r\n").ToString();
        }
    }

    /// <summary>The payload without framing.</summary>
    public byte[] Payload => Body.SelectMany(b => b).ToArray();

    /// <summary>The body as sent: the payload, or its chunks with their sizes and the end marker.</summary>
    public byte[] FramedBody => Framing switch
    {
        BodyFraming.Chunked => ChunkedCoding.Frame(Body, Complete),
        BodyFraming.ContentLength => Payload,
        _ => [],
    };

    /// <summary>Head and framed body: the bytes a capture of the connection would show.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetBytes(Head), .. FramedBody];

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Is(name)) is { Name: not null } found ? found.Value : null;
}
