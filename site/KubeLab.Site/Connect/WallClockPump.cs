using KubeLab.Site.Sandbox;

namespace KubeLab.Site.Connect;

/// <summary>
/// Moves a learner's cluster in step with the wall clock while a real kubectl uses it. The sandbox's cluster keeps a
/// lesson's simulated clock, which moves only when told; a real kubectl waits in real time (a delete waits for the
/// pod to go, a rollout for its pods), so while connect requests are under way, and for <see cref="Linger"/> after
/// the last, a second of simulated time passes with every second of wall time (<see cref="SandboxSession.CatchUpAsync"/>,
/// serialized with the typed commands). A request that finds the pump at rest first waits for the cluster to catch up
/// with the time that passed meanwhile, so it sees pods as old as the learner knows them to be.
/// </summary>
internal sealed class WallClockPump(SandboxSession session, TimeProvider clock, ILogger log) : IAsyncDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the clock keeps moving after the last connect request: long enough for what a request set off to
    /// finish (the pods of a new deployment start) before the learner's next command looks.
    /// </summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMinutes(1);

    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stop = new();
    private int _underWay;
    private DateTimeOffset _lastEnded;
    private Task? _loop;
    /// <summary>The catch-up the loop started with: requests wait for it, and find it done once the loop runs.</summary>
    private Task _caughtUp = Task.CompletedTask;

    /// <summary>Connect requests under way (an open watch counts until it ends).</summary>
    public int UnderWay
    {
        get { lock (_sync) return _underWay; }
    }

    /// <summary>A connect request starts; the returned task completes once the cluster has caught up with the wall clock.</summary>
    public Task RequestStarted()
    {
        lock (_sync)
        {
            _underWay++;
            if (_loop is null && !_stop.IsCancellationRequested)
            {
                _caughtUp = CatchUpAsync();
                _loop = RunAsync(_caughtUp);
            }
            return _caughtUp;
        }
    }

    public void RequestEnded()
    {
        lock (_sync)
        {
            _underWay--;
            _lastEnded = clock.GetUtcNow();
        }
    }

    private async Task RunAsync(Task first)
    {
        await first;
        while (!_stop.IsCancellationRequested)
        {
            lock (_sync)
                if (_underWay == 0 && clock.GetUtcNow() - _lastEnded >= Linger)
                {
                    _loop = null;
                    return;
                }
            try
            {
                await Task.Delay(Tick, clock, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await CatchUpAsync();
        }
    }

    /// <summary>One catch-up; a failure (an open stream that did not take its events in time) is logged and tried again at the next tick.</summary>
    private async Task CatchUpAsync()
    {
        try
        {
            await session.CatchUpAsync(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            log.LogWarning(e, "A learner's cluster did not catch up with the wall clock");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_sync) loop = _loop;
        await _stop.CancelAsync();
        if (loop is not null) await loop;
        _stop.Dispose();
    }
}
