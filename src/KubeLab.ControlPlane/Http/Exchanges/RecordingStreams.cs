using System.IO.Pipelines;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KubeLab.ControlPlane.Http.Exchanges;

/// <summary>Passes the request body through unchanged and keeps a copy of what was read.</summary>
internal sealed class RecordingRequestStream(Stream inner) : Stream
{
    private readonly MemoryStream _copy = new();

    public byte[] Recorded => _copy.ToArray();

    /// <summary>
    /// Reads what the handler left unread (a request refused before its body was looked at), as Go's server
    /// consumes it before the connection is reused, so the record shows the body the client sent.
    /// </summary>
    public async Task DrainAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (_copy.Length < ExchangeRecorder.MaxRecordedBody && await ReadAsync(buffer) > 0) { }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or the server refused the rest: the record keeps what arrived.
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_copy.Length + bytes.Length <= ExchangeRecorder.MaxRecordedBody) _copy.Write(bytes);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// Wraps the response body: every write also lands, as one chunk, in the exchange. The status line and
/// headers are captured when the first byte goes out (they cannot change after that), and with them the time
/// since the request arrived (<paramref name="arrived"/>, a <see cref="System.Diagnostics.Stopwatch"/> timestamp).
/// </summary>
internal sealed class RecordingResponseBody(IHttpResponseBodyFeature inner, Exchange exchange, HttpContext http, long arrived) : IHttpResponseBodyFeature
{
    private bool _headCaptured;
    private long _recorded;
    private Stream? _stream;

    public Stream Stream => _stream ??= new TeeStream(inner.Stream, this);
    public PipeWriter Writer => PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void CaptureHead()
    {
        if (_headCaptured) return;
        _headCaptured = true;
        exchange.ResponseStartedAfter(System.Diagnostics.Stopwatch.GetElapsedTime(arrived));
        exchange.StatusCode = http.Response.StatusCode;
        exchange.ResponseHeaders = http.Response.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))).ToList();
    }

    public void Record(ReadOnlySpan<byte> bytes)
    {
        CaptureHead();
        if (_recorded + bytes.Length > ExchangeRecorder.MaxRecordedBody) return;
        _recorded += bytes.Length;
        exchange.AppendResponse(bytes);
    }

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        CaptureHead();
        return inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    private sealed class TeeStream(Stream target, RecordingResponseBody owner) : Stream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            owner.Record(buffer.Span);
            await target.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            owner.Record(buffer.AsSpan(offset, count));
            target.Write(buffer, offset, count);
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            owner.CaptureHead();
            return target.FlushAsync(cancellationToken);
        }

        public override void Flush() => target.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
