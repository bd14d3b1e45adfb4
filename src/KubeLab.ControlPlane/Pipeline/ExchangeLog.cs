namespace KubeLab.ControlPlane.Pipeline;

/// <summary>
/// The exchanges of one cluster, oldest first, bounded in number and in recorded bytes so a long-lived
/// cluster does not grow without end. Observers hear of each exchange when it starts (to follow streams
/// live) and when it completes.
/// </summary>
public sealed class ExchangeLog(int capacity = 2000, long maxBytes = 64L * 1024 * 1024)
{
    private readonly Queue<Exchange> _exchanges = new();
    private readonly Lock _sync = new();
    private long _sequence;
    private long _bytes;

    public event Action<Exchange>? Started;
    public event Action<Exchange>? Completed;

    public IReadOnlyList<Exchange> Snapshot() { lock (_sync) return _exchanges.ToArray(); }

    /// <summary>Exchanges that started after <paramref name="sequence"/>.</summary>
    public IReadOnlyList<Exchange> Since(long sequence) { lock (_sync) return _exchanges.Where(e => e.Sequence > sequence).ToArray(); }

    public long LastSequence { get { lock (_sync) return _sequence; } }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Begin(Exchange exchange)
    {
        lock (_sync)
        {
            _exchanges.Enqueue(exchange);
            Trim();
        }
        Started?.Invoke(exchange);
    }

    internal void End(Exchange exchange)
    {
        lock (_sync)
        {
            _bytes += exchange.RecordedBytes;
            Trim();
        }
        Completed?.Invoke(exchange);
    }

    private void Trim()
    {
        while (_exchanges.Count > 1 && (_exchanges.Count > capacity || _bytes > maxBytes))
        {
            var oldest = _exchanges.Dequeue();
            if (oldest.Completed is not null) _bytes -= oldest.RecordedBytes;
        }
    }
}
