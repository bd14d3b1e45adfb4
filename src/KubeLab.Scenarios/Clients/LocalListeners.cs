namespace KubeLab.Scenarios.Clients;

/// <summary>
/// Servers running on the learner's machine, by TCP port on 127.0.0.1: <c>kubectl proxy</c> listens here
/// (8001 by default) and curl connects here. A listener is an <see cref="HttpMessageHandler"/> that serves
/// plain HTTP/1.1: it receives the request as the client sent it (absolute <c>http://127.0.0.1:PORT/…</c>
/// URI, the client's headers including Host, the body as content) and answers with the status, the headers
/// its Go handler set (a reverse proxy copies the upstream's <c>Content-Length</c> and <c>Date</c>; headers
/// it leaves out are added as Go's server adds them) and the body, streamed as it is written.
/// A proxy's own request to the API server should carry <c>X-Forwarded-For: 127.0.0.1</c>, as Go's
/// ReverseProxy adds it: the exchange is then written in Go's header order, not the original client's.
/// </summary>
public sealed class LocalListeners
{
    private readonly Dictionary<int, HttpMessageHandler> _byPort = [];
    private readonly Lock _sync = new();

    /// <summary>Starts serving on <paramref name="port"/>; false when something already listens there ("address already in use").</summary>
    public bool TryListen(int port, HttpMessageHandler handler)
    {
        lock (_sync) return _byPort.TryAdd(port, handler);
    }

    /// <summary>Stops serving on <paramref name="port"/> if <paramref name="handler"/> is what listens there.</summary>
    public void Close(int port, HttpMessageHandler handler)
    {
        lock (_sync)
            if (_byPort.TryGetValue(port, out var current) && ReferenceEquals(current, handler)) _byPort.Remove(port);
    }

    /// <summary>What listens on <paramref name="port"/>, or null: a connection there is refused.</summary>
    public HttpMessageHandler? Find(int port)
    {
        lock (_sync) return _byPort.GetValueOrDefault(port);
    }
}
