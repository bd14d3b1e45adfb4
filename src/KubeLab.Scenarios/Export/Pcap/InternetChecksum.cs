namespace KubeLab.Scenarios.Export.Pcap;

/// <summary>The 16-bit one's complement checksum of IPv4 headers and TCP segments (RFC 1071).</summary>
internal static class InternetChecksum
{
    public static ushort Compute(ReadOnlySpan<byte> data, uint initial = 0)
    {
        var sum = initial;
        for (var i = 0; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if (data.Length % 2 == 1) sum += (uint)(data[^1] << 8);
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>The sum of TCP's pseudo-header: addresses, protocol 6, segment length.</summary>
    public static uint PseudoHeader(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, int tcpLength)
    {
        uint sum = 0;
        for (var i = 0; i < 4; i += 2)
        {
            sum += (uint)(source[i] << 8 | source[i + 1]);
            sum += (uint)(destination[i] << 8 | destination[i + 1]);
        }
        return sum + 6 + (uint)tcpLength;
    }
}
