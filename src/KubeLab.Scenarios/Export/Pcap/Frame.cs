using System.Buffers.Binary;

namespace KubeLab.Scenarios.Export.Pcap;

/// <summary>
/// One captured frame on the loopback interface: an Ethernet header with zero addresses (as Linux captures
/// <c>lo</c>), an IPv4 header (DF, TTL 64) and a TCP segment, with both checksums correct.
/// </summary>
internal sealed record Frame(DateTimeOffset Time, Endpoint Source, Endpoint Destination, uint Sequence, uint Acknowledgment, TcpFlags Flags,
    ushort IpId, ReadOnlyMemory<byte> Payload)
{
    public const int MaxSegment = 16 * 1024;
    private const ushort Window = 65535;

    public byte[] ToBytes()
    {
        var options = Flags.HasFlag(TcpFlags.Syn) ? 4 : 0;
        var tcpLength = 20 + options + Payload.Length;
        var bytes = new byte[14 + 20 + tcpLength];
        var span = bytes.AsSpan();

        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 0x0800);

        var ip = span.Slice(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + tcpLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], IpId);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = 6;
        Source.Address.CopyTo(ip[12..]);
        Destination.Address.CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip));

        var tcp = span.Slice(34, tcpLength);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, Source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], Destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], Flags.HasFlag(TcpFlags.Ack) ? Acknowledgment : 0);
        tcp[12] = (byte)((20 + options) / 4 << 4);
        tcp[13] = (byte)Flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], Window);
        if (options > 0)
        {
            // Maximum segment size: what loopback's 64 KiB MTU allows.
            tcp[20] = 2;
            tcp[21] = 4;
            BinaryPrimitives.WriteUInt16BigEndian(tcp[22..], 65495);
        }
        Payload.Span.CopyTo(tcp[(20 + options)..]);
        var pseudo = InternetChecksum.PseudoHeader(Source.Address, Destination.Address, tcpLength);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], InternetChecksum.Compute(tcp, pseudo));
        return bytes;
    }
}

/// <summary>An IPv4 address and TCP port.</summary>
internal sealed record Endpoint(byte[] Address, ushort Port)
{
    public static Endpoint Loopback(int port) => new([127, 0, 0, 1], (ushort)port);
}
