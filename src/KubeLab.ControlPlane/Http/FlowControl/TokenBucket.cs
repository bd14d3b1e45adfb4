namespace KubeLab.ControlPlane.Http.FlowControl;

/// <summary>
/// A token bucket on the cluster's clock: <paramref name="burst"/> requests at once, refilled at
/// <paramref name="perSecond"/>. A lesson's simulated clock refills it only as simulated time passes, so a
/// replay is refused at the same requests every time.
/// </summary>
public sealed class TokenBucket(TimeProvider clock, double perSecond, int burst)
{
    private readonly Lock _sync = new();
    private double _tokens = burst;
    private DateTimeOffset _refilled = clock.GetUtcNow();

    /// <summary>Takes a token; when there is none, says in how many whole seconds (at least one) there will be.</summary>
    public bool TryTake(out int retryAfterSeconds)
    {
        lock (_sync)
        {
            var now = clock.GetUtcNow();
            if (now > _refilled)
            {
                _tokens = Math.Min(burst, _tokens + (now - _refilled).TotalSeconds * perSecond);
                _refilled = now;
            }
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfterSeconds = 0;
                return true;
            }
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((1 - _tokens) / perSecond));
            return false;
        }
    }
}
