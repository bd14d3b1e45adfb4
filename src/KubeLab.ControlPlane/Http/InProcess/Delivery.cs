namespace KubeLab.ControlPlane.Http.InProcess;

/// <summary>
/// An in-process connection's part of the server's <see cref="DeliveryBacklog"/>: the request while its handler works
/// (not while a streaming handler waits), the end of the response until the reader closes the stream, and
/// every byte written until the reader comes back for more (it has then handled what it read) or closes.
/// </summary>
internal sealed class Delivery : IStreamWaitFeature
{
    private readonly DeliveryBacklog _backlog;
    private readonly Lock _sync = new();
    private bool _owesRequest = true;
    private bool _ended;
    private bool _closed;
    private long _unread;
    private long _lastRead;

    public Delivery(DeliveryBacklog backlog)
    {
        _backlog = backlog;
        backlog.Owe();
    }

    public void Waiting() => OweRequest(false);

    public void Working() => OweRequest(true);

    /// <summary>The handler is done: the end of the stream is owed until the reader closes it.</summary>
    public void Ended()
    {
        lock (_sync)
        {
            if (_ended) return;
            if (!_closed) OweRequestLocked(true);
            _ended = true;
        }
    }

    public void Written(long count)
    {
        lock (_sync)
        {
            if (_closed) return;
            _unread += count;
            _backlog.Owe(count);
        }
    }

    /// <summary>The reader asks for more: what it read last has been handled.</summary>
    public void ReadingAgain()
    {
        lock (_sync)
        {
            var handled = Math.Min(_lastRead, _unread);
            _unread -= handled;
            _backlog.Settle(handled);
            _lastRead = 0;
        }
    }

    public int Read(int count)
    {
        lock (_sync) _lastRead = count;
        return count;
    }

    public void Closed()
    {
        lock (_sync)
        {
            if (_closed) return;
            _backlog.Settle(_unread);
            _unread = 0;
            OweRequestLocked(false);
            _closed = true;
        }
    }

    private void OweRequest(bool owe)
    {
        lock (_sync)
            if (!_ended && !_closed) OweRequestLocked(owe);
    }

    private void OweRequestLocked(bool owe)
    {
        if (_owesRequest == owe) return;
        _owesRequest = owe;
        if (owe) _backlog.Owe();
        else _backlog.Settle();
    }
}
