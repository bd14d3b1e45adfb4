using System.Threading.Channels;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Controllers;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Scenarios.Export.Har;
using KubeLab.Scenarios.Http;

namespace KubeLab.Cli.Serve;

/// <summary>
/// <c>kubelab serve --record FILE.har</c>: every exchange the API server completes becomes a HAR entry as it
/// completes, and the file is a complete archive after each one (<see cref="HarLogWriter"/>). The cluster's own
/// components (controllers, scheduler, kubelets) are recorded too, since what they do after a client's request
/// is part of the story, and are told apart by <c>_component</c>, or left out with <paramref name="clientsOnly"/>.
/// Exchanges still open when the recording ends (a watch) are written with the response so far.
/// </summary>
internal sealed class HarRecording : IAsyncDisposable
{
    private readonly ExchangeLog _log;
    private readonly FileStream _file;
    private readonly HarLogWriter _writer;
    private readonly IReadOnlyList<ControllerIdentity> _components;
    private readonly bool _clientsOnly;
    private readonly TextWriter _errors;
    private readonly Dictionary<long, Exchange> _open = [];
    private readonly Lock _sync = new();
    private bool _ended;
    // Exchanges are handed over on the request's own thread and written on another, so a slow disk never slows the API.
    private readonly Channel<Exchange> _completed = Channel.CreateUnbounded<Exchange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;

    private HarRecording(Cluster cluster, FileStream file, string baseUrl, bool clientsOnly, TextWriter errors)
    {
        _log = cluster.Api.Exchanges;
        _file = file;
        _writer = new HarLogWriter(file, baseUrl);
        _components = cluster.Controllers.Identities;
        _clientsOnly = clientsOnly;
        _errors = errors;
        _log.Started += OnStarted;
        _log.Completed += OnCompleted;
        _pump = Task.Run(PumpAsync);
    }

    public string Path => _file.Name;

    /// <summary>Entries written so far.</summary>
    public int Count => _writer.Count;

    /// <summary>Starts recording into <paramref name="path"/> (replacing it); an error when it cannot be written.</summary>
    public static HarRecording Start(Cluster cluster, string path, string baseUrl, bool clientsOnly, TextWriter errors)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var file = new FileStream(full, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        return new HarRecording(cluster, file, baseUrl, clientsOnly, errors);
    }

    private void OnStarted(Exchange exchange)
    {
        lock (_sync) if (!_ended) _open[exchange.Sequence] = exchange;
    }

    private void OnCompleted(Exchange exchange)
    {
        lock (_sync)
        {
            if (_ended) return;
            _open.Remove(exchange.Sequence);
            _completed.Writer.TryWrite(exchange);
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var exchange in _completed.Reader.ReadAllAsync()) Write(exchange);
    }

    private void Write(Exchange exchange)
    {
        var component = Component(exchange);
        if (component is not null && _clientsOnly) return;
        try
        {
            _writer.Add(WireExchange.From(exchange), new HarEntryNote(exchange.User.Name, exchange.User.Groups, component, exchange.Protocol));
        }
        catch (IOException e)
        {
            _errors.WriteLine($"error: recording {exchange.Method} {exchange.Target} to {_file.Name} failed: {e.Message}");
        }
    }

    /// <summary>The program of the cluster's own that sent the request (its user and user agent both match), or null.</summary>
    private string? Component(Exchange exchange)
    {
        var agent = exchange.RequestHeaders.FirstOrDefault(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value;
        var name = exchange.User.Name;
        return _components.FirstOrDefault(c => c.User.Name == name && c.UserAgent == agent)?.UserAgent.Split('/')[0];
    }

    /// <summary>Ends the recording: what completed is written, then what is still open, and the file is closed.</summary>
    public async ValueTask DisposeAsync()
    {
        _log.Started -= OnStarted;
        _log.Completed -= OnCompleted;
        lock (_sync) _ended = true;
        _completed.Writer.Complete();
        await _pump;
        foreach (var exchange in _open.Values.OrderBy(e => e.Sequence)) Write(exchange);
        await _file.DisposeAsync();
    }
}
