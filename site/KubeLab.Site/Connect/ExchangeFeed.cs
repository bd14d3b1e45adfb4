using System.Threading.Channels;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Controllers;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.Exchanges;

namespace KubeLab.Site.Connect;

/// <summary>
/// One invocation of a client, as the connect page shows it: a kubectl command's requests (one <c>Kubectl-Session</c>
/// header for all), or a single request of any other client; and what the cluster's own components did meanwhile.
/// </summary>
/// <param name="Number">From 1, in the order the calls began to arrive.</param>
/// <param name="Title">kubectl's <c>Kubectl-Command</c> header (<c>kubectl get</c>), else the request line.</param>
/// <param name="Client">The user agent and the user the cluster took the client for.</param>
public sealed record ClientCall(long Number, string Key, string Title, string Client, IReadOnlyList<ExchangeView> Exchanges, IReadOnlyList<ExchangeView> ClusterExchanges);

/// <summary>
/// The exchanges of a cluster as they complete, grouped into client calls, newest first, for a page to show live.
/// Exchanges are taken from the API server's thread at once and rendered on another (a page never slows the API);
/// <see cref="Changed"/> is raised off any page's synchronization context, once per batch. Bounded: the newest
/// <see cref="MaxCalls"/> calls, each with at most <see cref="MaxExchanges"/> exchanges of either kind.
/// </summary>
/// <remarks>
/// Newest first: the call the learner just made appears at one place, under the kubeconfig and the command to try,
/// with no scrolling to follow and no script to keep a list scrolled; the oldest leave at the bottom.
/// </remarks>
public sealed class ExchangeFeed : IAsyncDisposable
{
    public const int MaxCalls = 20;
    public const int MaxExchanges = 100;

    private readonly ExchangeLog _log;
    private readonly ResourceCatalog _catalog;
    private readonly IReadOnlyList<ControllerIdentity> _components;
    private readonly Channel<Exchange> _completed = Channel.CreateUnbounded<Exchange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _reader;
    private long _calls;

    public ExchangeFeed(Cluster cluster)
    {
        _log = cluster.Api.Exchanges;
        _catalog = cluster.Catalog;
        _components = cluster.Controllers.Identities;
        _log.Completed += OnCompleted;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The calls so far, newest first (a new list after each change).</summary>
    public IReadOnlyList<ClientCall> Calls { get; private set; } = [];

    public event Action? Changed;

    private void OnCompleted(Exchange exchange) => _completed.Writer.TryWrite(exchange);

    private async Task ReadAsync()
    {
        while (await _completed.Reader.WaitToReadAsync())
        {
            while (_completed.Reader.TryRead(out var exchange)) Add(exchange);
            Changed?.Invoke();
        }
    }

    private void Add(Exchange exchange)
    {
        var view = ExchangeView.From(ExchangeRecord.From(exchange), _catalog);
        var calls = Calls;
        if (IsComponent(exchange))
        {
            // Meanwhile, inside the cluster: with the latest call, whose consequences these usually are.
            if (calls.Count == 0) return;
            Calls = [calls[0] with { ClusterExchanges = Append(calls[0].ClusterExchanges, view) }, .. calls.Skip(1)];
            return;
        }
        var key = Header(exchange, "Kubectl-Session") is { Length: > 0 } session ? session : $"request-{exchange.Sequence}";
        var index = calls.ToList().FindIndex(c => c.Key == key);
        if (index >= 0)
        {
            // A call's later request (or its watch, ended): it stays where it began.
            Calls = [.. calls.Take(index), calls[index] with { Exchanges = Append(calls[index].Exchanges, view) }, .. calls.Skip(index + 1)];
            return;
        }
        var title = Header(exchange, "Kubectl-Command") is { Length: > 0 } command ? command : $"{exchange.Method} {exchange.Target}";
        var client = $"{Header(exchange, "User-Agent") ?? "no User-Agent"}, as {exchange.User.Name}";
        Calls = [new ClientCall(++_calls, key, title, client, [view], []), .. calls.Take(MaxCalls - 1)];
    }

    private static IReadOnlyList<ExchangeView> Append(IReadOnlyList<ExchangeView> views, ExchangeView view) =>
        views.Count < MaxExchanges ? [.. views, view] : [.. views.Skip(1), view];

    /// <summary>A program of the cluster's own sent it: its user and its user agent both match one of the components'.</summary>
    private bool IsComponent(Exchange exchange)
    {
        var agent = Header(exchange, "User-Agent");
        return _components.Any(c => c.User.Name == exchange.User.Name && c.UserAgent == agent);
    }

    private static string? Header(Exchange exchange, string name) =>
        exchange.RequestHeaders.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public async ValueTask DisposeAsync()
    {
        _log.Completed -= OnCompleted;
        _completed.Writer.TryComplete();
        await _reader;
    }
}
