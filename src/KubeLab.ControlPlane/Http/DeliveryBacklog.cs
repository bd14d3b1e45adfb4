namespace KubeLab.ControlPlane.Http;

/// <summary>
/// What the API server owes the clients of its open streams and they have not taken yet: watch events and
/// followed log lines not yet written, and bytes written to in-process connections that their readers have not
/// come back past. When it is clear and a client waits on a stream, nothing more will reach that client until
/// the cluster changes: that is how a lesson runner knows a background watch has caught up, without timing.
/// </summary>
public sealed class DeliveryBacklog
{
    private long _owed;

    /// <summary>True when every event, line and byte produced for a streaming client has been taken.</summary>
    public bool IsClear => Interlocked.Read(ref _owed) == 0;

    /// <summary>Something is on its way: call before it can be seen by the client.</summary>
    public void Owe(long units = 1) => Interlocked.Add(ref _owed, units);

    /// <summary>That much has been delivered (or dropped with its stream).</summary>
    public void Settle(long units = 1) => Interlocked.Add(ref _owed, -units);
}
