using System.Text;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// One curl transfer: connect to what listens at the URL (the API server over TLS, a <c>kubectl proxy</c>
/// over plain HTTP, or nothing), send the request, print the response as curl does, and return curl's exit
/// code. The API server is reached in-process, so its exchange is in the cluster's log like any other.
/// </summary>
internal sealed class CurlSession(CurlOptions options, ClientEnvironment environment, CommandOutput output)
{
    private readonly CurlVerbose _log = new(options.Verbose, output);

    /// <summary>The meter shows when the body goes to a file and curl is not silenced.</summary>
    private bool ShowsMeter => options.Output is { } file && file != "-" && !options.Silent;

    public async Task<int> RunAsync(string urlText, CancellationToken cancellationToken)
    {
        var body = CurlData.Body(options, environment, output);
        var url = CurlUrl.Parse(urlText);
        var request = url is null ? null : CurlRequest.Build(options, url, body);
        var transfer = new CurlTransfer(url, request);
        // Notes, like warnings, are muted by -s.
        if (request is not null && options.Verbose && !options.Silent && options.Method == request.InferredMethod)
            output.Error(CurlMessages.Note($"Unnecessary use of -X or --request, {options.Method} is already inferred."));
        if (ShowsMeter) output.Error(CurlProgressMeter.Header + CurlProgressMeter.Start);
        var clock = environment.Cluster.Services.Clock;
        var started = clock.GetUtcNow();
        var sink = new CurlBodySink(options, environment, output);
        try
        {
            if (url is null || request is null) throw CurlFailure.BadUrl();
            if (url.Scheme is not ("http" or "https")) throw new CurlFailure(1, $"Protocol \"{url.Scheme}\" not supported or disabled in libcurl");
            await TransferAsync(transfer, url, request, sink, cancellationToken);
        }
        catch (CurlFailure failure)
        {
            transfer.Failure = failure;
            if (failure.Code is not (1 or 3 or 23)) _log.Info(failure.Message);
            if (failure.Code is not (1 or 3)) _log.Info("Closing connection 0");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: curl dies of SIGINT, the shell reports 130.
            sink.Close();
            return 130;
        }
        sink.Close();
        transfer.Elapsed = clock.GetUtcNow() - started;
        if (ShowsMeter) output.Error(CurlProgressMeter.Done(transfer));
        if (transfer.Failure is { Synthetic: false } shown && options.ShowErrors) output.Error(shown.Report);
        if (options.WriteOut is { } format)
        {
            var (stdout, stderr) = CurlWriteOut.Format(format, transfer);
            output.Out(stdout);
            output.Error(stderr);
        }
        return transfer.Failure?.Code ?? 0;
    }

    private async Task TransferAsync(CurlTransfer transfer, CurlUrl url, CurlRequest request, CurlBodySink sink, CancellationToken cancellationToken)
    {
        var endpoint = Connect(url);
        transfer.Connected = true;
        HttpMessageHandler handler;
        CurlTls? tls = null;
        switch (endpoint)
        {
            case Endpoint.ApiServer when !url.IsHttps:
                PlainHttpToTlsPort(transfer, request, sink);
                return;
            case Endpoint.ApiServer:
                tls = new CurlTls(options, environment, _log);
                var handshake = tls.Handshake(url, environment.Cluster);
                transfer.VerifyResult = handshake.VerifyResult;
                var host = request.Headers.FirstOrDefault(h => h.Is("Host"))?.Value ?? url.Authority;
                handler = new InProcessHandler(environment.Cluster.Api, host, handshake.ClientCertificate);
                break;
            case Endpoint.Listener listener when url.IsHttps:
                _log.Info(options.Http11 ? "ALPN: offers http/1.1" : "ALPN: offers h2,http/1.1");
                _log.Info("TLSv1.3 (OUT), TLS handshake, Client hello (1):");
                throw CurlFailure.NotTls();
            case Endpoint.Listener listener:
                handler = listener.Handler;
                break;
            default:
                throw new InvalidOperationException();
        }

        _log.Sent(request.Head);
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: endpoint is Endpoint.ApiServer);
        using var message = Message(request, includeHost: endpoint is Endpoint.Listener);
        using var response = await invoker.SendAsync(message, cancellationToken);
        tls?.SessionTicket();

        var headers = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
            .SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v))).ToList();
        var declared = headers.Any(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        // A local program's answer written whole (kubectl proxy's http.Error) is complete when its handler returns:
        // Go's server then gives it a Content-Length. Only a body still being written (a proxied watch) is streamed.
        var whole = declared || (endpoint is Endpoint.Listener && response.Content.Headers.ContentLength is not null)
            ? await response.Content.ReadAsByteArrayAsync(cancellationToken) : null;
        var complete = whole is not null;
        var head = GoServerResponse.Build((int)response.StatusCode, headers, whole is null ? [] : [whole], streamed: !complete, complete: complete,
            environment.Cluster.Services.Clock.GetUtcNow(), request.Method == "HEAD", handlerSetsLengthAndDate: endpoint is Endpoint.Listener);

        transfer.Status = (int)response.StatusCode;
        transfer.HttpVersion = "1.1";
        transfer.ContentType = head.Header("Content-Type");
        transfer.ResponseHeaderCount = head.Headers.Count;
        transfer.ResponseHeadBytes = Encoding.UTF8.GetByteCount(head.Head);
        transfer.ExpectedDownload = whole?.Length;
        _log.Received(head.Head);
        if (options.Include) sink.Write(head.Head);

        if (request.Method != "HEAD")
        {
            if (whole is not null)
            {
                transfer.Downloaded = whole.Length;
                sink.Write(whole);
            }
            else
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await output.WaitOn(stream.ReadAsync(buffer, cancellationToken).AsTask())) > 0)
                {
                    transfer.Downloaded += read;
                    sink.Write(buffer.AsSpan(0, read));
                }
            }
        }
        _log.Info($"Connection #0 to host {url.Host} left intact");
    }

    private abstract record Endpoint
    {
        public sealed record ApiServer : Endpoint;
        public sealed record Listener(HttpMessageHandler Handler) : Endpoint;
    }

    /// <summary>Resolves and connects: the API server at the kubeconfig's address, a local listener, or a failure.</summary>
    private Endpoint Connect(CurlUrl url)
    {
        var server = new Uri(environment.Server);
        var loopback = url.Host is "127.0.0.1" or "localhost";
        if (!loopback && !url.Host.Equals(server.Host, StringComparison.OrdinalIgnoreCase))
        {
            if (!System.Net.IPAddress.TryParse(url.Host, out _)) throw CurlFailure.Unresolved(url.Host);
            _log.Trying(url.Host, url.Port);
            throw Refused(url, url.Host);
        }
        _log.Trying("127.0.0.1", url.Port);
        Endpoint? endpoint = url.Port == server.Port ? new Endpoint.ApiServer()
            : environment.Listeners.Find(url.Port) is { } handler ? new Endpoint.Listener(handler) : null;
        if (endpoint is null) throw Refused(url, "127.0.0.1");
        _log.Info($"Connected to {url.Host} (127.0.0.1) port {url.Port} (#0)");
        return endpoint;
    }

    private CurlFailure Refused(CurlUrl url, string address)
    {
        _log.Info($"connect to {address} port {url.Port} failed: Connection refused");
        return CurlFailure.Refused(url.Host, url.Port);
    }

    /// <summary>
    /// Plain HTTP to the TLS port: Go's server sees a request where a handshake should be and answers once,
    /// in HTTP/1.0, before any handler runs (so the API server's log has no exchange for it).
    /// </summary>
    private void PlainHttpToTlsPort(CurlTransfer transfer, CurlRequest request, CurlBodySink sink)
    {
        const string Body = "Client sent an HTTP request to an HTTPS server.\n";
        _log.Sent(request.Head);
        _log.Info("HTTP 1.0, assume close after body");
        const string Head = "HTTP/1.0 400 Bad Request\r\n\r\n";
        _log.Received(Head);
        if (options.Include) sink.Write(Head);
        sink.Write(Body);
        transfer.Status = 400;
        transfer.HttpVersion = "1";
        transfer.ResponseHeadBytes = Head.Length;
        transfer.Downloaded = Body.Length;
        _log.Info("Closing connection 0");
    }

    /// <summary>The request for the handler: curl's headers, the body with its type and length as content headers.</summary>
    private static HttpRequestMessage Message(CurlRequest request, bool includeHost)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url.Uri);
        if (request.Body is { } body) message.Content = new ByteArrayContent(body);
        foreach (var header in request.Headers)
        {
            if (header.Is("Host") && !includeHost) continue; // the in-process transport writes Host itself
            if (header.Is("Content-Type") || header.Is("Content-Length"))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(header.Name);
                message.Content.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
            else message.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
        return message;
    }
}
