namespace KubeLab.ControlPlane.Http;

/// <summary>
/// What the API server owes the clients of its open streams and they have not taken yet: watch events and
/// followed log lines not yet written, and bytes written to in-process connections that their readers have not
/// come back past. When it is clear and a client waits on a stream, nothing more will reach that client until
/// the cluster changes: that is how a lesson runner knows a background watch has caught up, without timing.
/// </summary>
public sealed class DeliveryBacklog
{
    private readonly Lock _sync = new();
    private long _owed;
    private TaskCompletionSource? _cleared;

    /// <summary>True when every event, line and byte produced for a streaming client has been taken.</summary>
    public bool IsClear
    {
        get { lock (_sync) return _owed == 0; }
    }

    /// <summary>Something is on its way: call before it can be seen by the client.</summary>
    public void Owe(long units = 1)
    {
        lock (_sync) _owed += units;
    }

    /// <summary>That much has been delivered (or dropped with its stream).</summary>
    public void Settle(long units = 1)
    {
        TaskCompletionSource? cleared = null;
        lock (_sync)
        {
            _owed -= units;
            if (_owed == 0) (cleared, _cleared) = (_cleared, null);
        }
        cleared?.TrySetResult();
    }

    /// <summary>
    /// Completes once the backlog is clear (at once if it is now): every stream has handled what happened so far.
    /// A lesson clock waits for this before it moves, so no handler reads the time while it is still moving.
    /// </summary>
    public Task WhenClear()
    {
        lock (_sync)
            return _owed == 0 ? Task.CompletedTask : (_cleared ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }
}
