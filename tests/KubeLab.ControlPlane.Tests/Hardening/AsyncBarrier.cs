namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>
/// Holds each of <paramref name="participants"/> tasks until all have arrived, round after round: so that concurrent
/// writers all read before any writes, and races happen every round instead of when the thread pool allows.
/// </summary>
public sealed class AsyncBarrier(int participants)
{
    private readonly Lock _sync = new();
    private int _arrived;
    private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SignalAndWait()
    {
        lock (_sync)
        {
            var round = _round;
            if (++_arrived < participants) return round.Task;
            _arrived = 0;
            _round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            round.SetResult();
            return round.Task;
        }
    }
}
