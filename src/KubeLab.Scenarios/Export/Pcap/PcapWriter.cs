using System.Buffers.Binary;

namespace KubeLab.Scenarios.Export.Pcap;

/// <summary>The classic libpcap file format: a global header (microsecond timestamps, Ethernet link type) and one record per frame.</summary>
internal static class PcapWriter
{
    private const uint Magic = 0xa1b2c3d4;
    private const int SnapLength = 262144;
    private const uint LinkTypeEthernet = 1;

    public static byte[] Write(IEnumerable<Frame> frames)
    {
        var output = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], SnapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeEthernet);
        output.Write(header);

        Span<byte> record = stackalloc byte[16];
        foreach (var frame in frames)
        {
            var bytes = frame.ToBytes();
            var micros = (frame.Time - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)bytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)bytes.Length);
            output.Write(record);
            output.Write(bytes);
        }
        return output.ToArray();
    }
}
