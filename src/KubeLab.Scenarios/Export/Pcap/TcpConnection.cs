namespace KubeLab.Scenarios.Export.Pcap;

/// <summary>
/// A TCP connection written as frames: the three-way handshake, data in segments of at most
/// <see cref="Frame.MaxSegment"/> bytes each acknowledged by the other side, and the close (client FIN,
/// server FIN-ACK, last ACK). Sequence numbers start from fixed initial values, so the same exchanges give
/// the same capture.
/// </summary>
internal sealed class TcpConnection(Endpoint client, Endpoint server, uint clientIsn, uint serverIsn)
{
    private readonly List<Frame> _frames = [];
    private uint _clientNext = clientIsn;
    private uint _serverNext = serverIsn;
    private ushort _clientIpId = (ushort)(clientIsn >> 16);
    private ushort _serverIpId = (ushort)(serverIsn >> 16);

    public IReadOnlyList<Frame> Frames => _frames;

    public void Open(DateTimeOffset at)
    {
        Send(at, fromClient: true, TcpFlags.Syn, ReadOnlyMemory<byte>.Empty);
        Send(at.AddTicks(10 * TimeSpan.TicksPerMicrosecond), fromClient: false, TcpFlags.Syn | TcpFlags.Ack, ReadOnlyMemory<byte>.Empty);
        Send(at.AddTicks(20 * TimeSpan.TicksPerMicrosecond), fromClient: true, TcpFlags.Ack, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>Data from one side, then the other side's acknowledgment a microsecond later.</summary>
    public void Data(DateTimeOffset at, bool fromClient, ReadOnlyMemory<byte> bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += Frame.MaxSegment)
        {
            var segment = bytes.Slice(offset, Math.Min(Frame.MaxSegment, bytes.Length - offset));
            Send(at, fromClient, TcpFlags.Psh | TcpFlags.Ack, segment);
        }
        if (!bytes.IsEmpty) Send(at.AddTicks(TimeSpan.TicksPerMicrosecond), !fromClient, TcpFlags.Ack, ReadOnlyMemory<byte>.Empty);
    }

    public void Close(DateTimeOffset at)
    {
        Send(at, fromClient: true, TcpFlags.Fin | TcpFlags.Ack, ReadOnlyMemory<byte>.Empty);
        Send(at.AddTicks(10 * TimeSpan.TicksPerMicrosecond), fromClient: false, TcpFlags.Fin | TcpFlags.Ack, ReadOnlyMemory<byte>.Empty);
        Send(at.AddTicks(20 * TimeSpan.TicksPerMicrosecond), fromClient: true, TcpFlags.Ack, ReadOnlyMemory<byte>.Empty);
    }

    private void Send(DateTimeOffset at, bool fromClient, TcpFlags flags, ReadOnlyMemory<byte> payload)
    {
        var (source, destination) = fromClient ? (client, server) : (server, client);
        var sequence = fromClient ? _clientNext : _serverNext;
        var acknowledgment = fromClient ? _serverNext : _clientNext;
        var id = fromClient ? _clientIpId++ : _serverIpId++;
        _frames.Add(new Frame(at, source, destination, sequence, acknowledgment, flags, id, payload));
        // SYN and FIN each take one sequence number, as a byte of data would.
        var used = (uint)payload.Length + (flags.HasFlag(TcpFlags.Syn) || flags.HasFlag(TcpFlags.Fin) ? 1u : 0u);
        if (fromClient) _clientNext += used;
        else _serverNext += used;
    }
}
