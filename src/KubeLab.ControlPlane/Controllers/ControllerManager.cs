using System.Threading.Channels;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// Runs a cluster's controllers: each has a de-duplicating work queue fed by store changes and by its
/// own requeues. In serving mode a loop works the queues as changes come; a lesson run instead calls
/// <see cref="SettleAsync"/> between steps so the outcome does not depend on timing.
/// </summary>
public sealed class ControllerManager : IAsyncDisposable
{
    private readonly List<Queue> _queues;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public ControllerManager(VersionedStore store, TimeProvider clock, IEnumerable<IController> controllers)
    {
        _clock = clock;
        _queues = controllers.Select(c => new Queue(c)).ToList();
        _subscription = store.Subscribe(change =>
        {
            foreach (var queue in _queues)
            {
                var delay = queue.Controller.ChangeDelay;
                foreach (var key in queue.Controller.KeysFor(change, store))
                    queue.Add(key, delay > TimeSpan.Zero ? _clock.GetUtcNow() + delay : null);
            }
        });
    }

    /// <summary>
    /// The identities the controllers act as (service accounts, kubelets, the scheduler), each with the
    /// bootstrap ClusterRole a real cluster binds to it: what an authorizer must allow for the cluster to live.
    /// </summary>
    public IReadOnlyList<ControllerIdentity> Identities => _queues.Select(q => q.Controller.Identity).Distinct().ToList();

    /// <summary>Reports a failed reconcile pass (it is retried); <c>kubelab serve</c> prints these.</summary>
    public event Action<string, string, Exception>? ReconcileFailed;

    /// <summary>Starts working the queues in the background (serving mode).</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Works every queue until none has anything ready (deterministic mode).</summary>
    public async Task SettleAsync(int maxRounds = 1000, CancellationToken cancellationToken = default)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            var worked = false;
            foreach (var queue in _queues)
                while (queue.TryTakeReady(_clock.GetUtcNow(), out var key))
                {
                    worked = true;
                    await Reconcile(queue, key, cancellationToken);
                }
            if (!worked) return;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var workers = _queues.Select(queue => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var key = await queue.TakeAsync(_clock, cancellationToken);
                await Reconcile(queue, key, cancellationToken);
            }
        }, cancellationToken));
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task Reconcile(Queue queue, string key, CancellationToken cancellationToken)
    {
        TimeSpan? again;
        try
        {
            again = await queue.Controller.ReconcileAsync(key, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed pass is retried later, as a real controller's rate-limited queue does.
            ReconcileFailed?.Invoke(queue.Controller.Name, key, e);
            again = TimeSpan.FromSeconds(1);
        }
        if (again is { } delay) queue.Add(key, _clock.GetUtcNow() + delay);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    /// <summary>Keys waiting for one controller, each with the time it becomes ready.</summary>
    private sealed class Queue(IController controller)
    {
        private readonly Dictionary<string, DateTimeOffset> _due = [];
        private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly Lock _sync = new();

        public IController Controller { get; } = controller;

        public void Add(string key, DateTimeOffset? when = null)
        {
            lock (_sync)
            {
                var at = when ?? DateTimeOffset.MinValue;
                if (!_due.TryGetValue(key, out var existing) || at < existing) _due[key] = at;
            }
            _signal.Writer.TryWrite(true);
        }

        public bool TryTakeReady(DateTimeOffset now, out string key)
        {
            lock (_sync)
            {
                key = _due.Where(kv => kv.Value <= now).OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => kv.Key).FirstOrDefault()!;
                return key is not null && _due.Remove(key);
            }
        }

        public async Task<string> TakeAsync(TimeProvider clock, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (TryTakeReady(clock.GetUtcNow(), out var key)) return key;
                DateTimeOffset? next;
                lock (_sync) next = _due.Count == 0 ? null : _due.Values.Min();
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (next is { } at) wait.CancelAfter(Max(at - clock.GetUtcNow(), TimeSpan.Zero));
                try
                {
                    await _signal.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A delayed key is due.
                }
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
