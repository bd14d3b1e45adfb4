namespace KubeLab.ControlPlane;

/// <summary>
/// A clock that moves only when told to. Its timers (watch timeouts, bookmarks, followed logs) fire
/// inside <see cref="Advance"/>, in due order, so a lesson run sees the same events at the same
/// simulated instants on every replay.
/// </summary>
public class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<SimulatedTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _sequence;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves time forward, firing every timer that falls due on the way at its own instant.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "time only moves forward");
        DateTimeOffset target;
        lock (_sync) target = _now + by;
        while (NextDue(target) is { } timer)
        {
            lock (_sync) _now = timer.Due;
            timer.Fire();
        }
        lock (_sync) _now = target;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private SimulatedTimer? NextDue(DateTimeOffset until)
    {
        lock (_sync)
        {
            SimulatedTimer? next = null;
            foreach (var timer in _timers)
                if (timer.Due <= until && (next is null || (timer.Due, timer.Order).CompareTo((next.Due, next.Order)) < 0))
                    next = timer;
            return next;
        }
    }

    private void Schedule(SimulatedTimer timer, DateTimeOffset? due)
    {
        lock (_sync)
        {
            _timers.Remove(timer);
            if (due is not { } at) return;
            timer.Due = at;
            timer.Order = ++_sequence;
            _timers.Add(timer);
        }
    }

    private sealed class SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; set; }
        public long Order { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
            return true;
        }

        public void Fire()
        {
            var repeat = _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero;
            clock.Schedule(this, repeat ? Due + _period : null);
            callback(state);
        }

        public void Dispose() => clock.Schedule(this, null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
