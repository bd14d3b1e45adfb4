using System.IO.Pipelines;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KubeLab.ControlPlane.Http.InProcess;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that hands requests straight to a cluster's API server, with no
/// socket: the request runs through the same pipeline as one from Kestrel. Streamed responses (watch)
/// arrive as they are written. A client certificate, if given, is presented as a TLS handshake would present it.
/// </summary>
public sealed class InProcessHandler(ApiServer server, string host = "127.0.0.1:6443", X509Certificate2? clientCertificate = null) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI");
        var requestBody = request.Content is null ? Stream.Null : await request.Content.ReadAsStreamAsync(cancellationToken);
        var requestFeature = new HttpRequestFeature
        {
            Method = request.Method.Method,
            Scheme = uri.Scheme,
            Path = Uri.UnescapeDataString(uri.AbsolutePath),
            RawTarget = uri.PathAndQuery,
            QueryString = uri.Query,
            Protocol = "HTTP/1.1",
            Body = requestBody,
        };
        requestFeature.Headers.Host = host;
        // Values as the client wrote them: the validated view would split "kubectl/v1.33.9 (linux/amd64) …" into
        // products and an Accept list into its media types.
        foreach (var (name, values) in request.Headers.NonValidated) requestFeature.Headers.Append(name, values.ToArray());
        if (request.Content is not null)
            foreach (var (name, values) in request.Content.Headers.NonValidated) requestFeature.Headers.Append(name, values.ToArray());

        var pipe = new Pipe();
        var responseFeature = new HttpResponseFeature();
        var delivery = new Delivery(server.Backlog);
        var body = new PipeResponseBody(pipe.Writer, delivery);
        var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(requestFeature);
        features.Set<IHttpResponseFeature>(responseFeature);
        features.Set<IHttpResponseBodyFeature>(body);
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted.Token });
        features.Set<IStreamWaitFeature>(delivery);
        if (clientCertificate is not null) features.Set<ITlsConnectionFeature>(new TlsConnectionFeature { ClientCertificate = clientCertificate });
        var context = new DefaultHttpContext(features);

        var run = Task.Run(async () =>
        {
            try
            {
                await server.HandleAsync(context);
            }
            finally
            {
                body.MarkStarted();
                await pipe.Writer.CompleteAsync();
                delivery.Ended();
            }
        }, CancellationToken.None);

        await Task.WhenAny(body.Started, run);
        if (run.IsFaulted) await run;

        var response = new HttpResponseMessage((HttpStatusCode)responseFeature.StatusCode)
        {
            RequestMessage = request,
            Content = new StreamContent(new OwningStream(pipe.Reader.AsStream(), aborted, delivery)),
        };
        foreach (var (name, values) in responseFeature.Headers)
            if (!response.Headers.TryAddWithoutValidation(name, values.ToArray()))
                response.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        return response;
    }

    /// <summary>The response body: a pipe whose first write (or flush) means the headers are final.</summary>
    private sealed class PipeResponseBody(PipeWriter writer, Delivery delivery) : IHttpResponseBodyFeature
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;
        public Stream Stream => new StartingStream(writer.AsStream(leaveOpen: true), this, delivery);
        public PipeWriter Writer => writer;

        public void MarkStarted() => _started.TrySetResult();
        public void DisableBuffering() { }
        public Task StartAsync(CancellationToken cancellationToken = default)
        {
            MarkStarted();
            return Task.CompletedTask;
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            MarkStarted();
            await using var file = File.OpenRead(path);
            file.Seek(offset, SeekOrigin.Begin);
            await file.CopyToAsync(Stream, cancellationToken);
        }

        public async Task CompleteAsync()
        {
            MarkStarted();
            await writer.FlushAsync();
        }
    }

    private sealed class StartingStream(Stream inner, PipeResponseBody body, Delivery delivery) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            body.MarkStarted();
            return inner.FlushAsync(cancellationToken);
        }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            delivery.Written(count);
            inner.Write(buffer, offset, count);
        }
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            body.MarkStarted();
            delivery.Written(buffer.Length);
            await inner.WriteAsync(buffer, cancellationToken);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Disposing the response body ends the request (a watch stops when its reader goes away).</summary>
    private sealed class OwningStream(Stream inner, CancellationTokenSource aborted, Delivery delivery) : Stream
    {
        private bool _disposed;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            delivery.ReadingAgain();
            return delivery.Read(inner.Read(buffer, offset, count));
        }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            delivery.ReadingAgain();
            return delivery.Read(await inner.ReadAsync(buffer, cancellationToken));
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                delivery.Closed();
                aborted.Cancel();
                inner.Dispose();
                aborted.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
