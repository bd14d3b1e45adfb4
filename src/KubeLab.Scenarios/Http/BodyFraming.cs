using System.Text;

namespace KubeLab.Scenarios.Http;

/// <summary>How a message body is delimited on the wire.</summary>
public enum BodyFraming
{
    /// <summary>No body at all (a GET, a 204, a HEAD answer).</summary>
    None,
    /// <summary><c>Content-Length: N</c> then the N bytes.</summary>
    ContentLength,
    /// <summary><c>Transfer-Encoding: chunked</c>: <c>hex-size CRLF data CRLF</c> per chunk, then <c>0 CRLF CRLF</c>.</summary>
    Chunked,
}

/// <summary>HTTP/1.1 chunked transfer coding, as Go's chunkWriter writes it (lower-case hex sizes, no extensions).</summary>
public static class ChunkedCoding
{
    public static byte[] ChunkHeader(int size) => Encoding.ASCII.GetBytes($"{size:x}\r\n");

    public static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>The last chunk and the blank line after the (absent) trailers.</summary>
    public static ReadOnlySpan<byte> End => "0\r\n\r\n"u8;

    /// <summary>One chunk per non-empty piece; the end marker once the body is complete.</summary>
    public static byte[] Frame(IEnumerable<byte[]> chunks, bool complete)
    {
        var output = new MemoryStream();
        foreach (var chunk in chunks.Where(c => c.Length > 0))
        {
            output.Write(ChunkHeader(chunk.Length));
            output.Write(chunk);
            output.Write(Crlf);
        }
        if (complete) output.Write(End);
        return output.ToArray();
    }
}
