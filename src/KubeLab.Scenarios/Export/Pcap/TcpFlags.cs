namespace KubeLab.Scenarios.Export.Pcap;

[Flags]
internal enum TcpFlags : byte
{
    Fin = 0x01,
    Syn = 0x02,
    Psh = 0x08,
    Ack = 0x10,
}
