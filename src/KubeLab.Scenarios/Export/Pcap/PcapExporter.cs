using System.Text;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Export.Pcap;

/// <summary>
/// Exchanges as a classic pcap file that Wireshark and tshark open and decode as HTTP: one synthesized
/// TCP connection per exchange on 127.0.0.1, carrying the HTTP/1.1 bytes of <see cref="ExchangeWire"/>
/// in the clear — what the TLS session to the API server carried inside. A stream's chunks are sent as
/// they were flushed, spread over its lifetime; a stream still open has no close.
/// </summary>
/// <remarks>
/// Wireshark decodes port 6443 as HTTP only when told (<c>Decode As… → HTTP</c>, or tshark's
/// <c>-d tcp.port==6443,http</c>); give <see cref="PcapOptions.ServerPort"/> 8080 or 80 to have it decoded
/// without that.
/// </remarks>
public static class PcapExporter
{
    public static byte[] Export(IEnumerable<WireExchange> exchanges, PcapOptions? options = null)
    {
        options ??= new PcapOptions();
        var frames = new List<Frame>();
        var index = 0;
        // A copy of an exchange may know its time only to the second: one that would start before the previous
        // (not streamed) connection has closed waits for it, as commands typed one after another do.
        var notBefore = DateTimeOffset.MinValue;
        foreach (var recorded in exchanges)
        {
            var exchange = Shifted(recorded, notBefore);
            var client = Endpoint.Loopback(options.FirstClientPort + index % 20000);
            var server = Endpoint.Loopback(options.ServerPort);
            // Fixed, distinct initial sequence numbers: the capture is the same on every export.
            var connection = new TcpConnection(client, server, 0x1000_0000u + (uint)index * 0x0100_0000u, 0x8000_0000u + (uint)index * 0x0100_0000u);
            Write(connection, exchange);
            frames.AddRange(connection.Frames);
            if (ExchangeWire.Response(exchange) is not { Streamed: true }) notBefore = connection.Frames[^1].Time.AddMilliseconds(1);
            index++;
        }
        // Connections overlap in time (a watch stays open): the capture lists frames as they would have been seen.
        return PcapWriter.Write(frames.Select((f, i) => (f, i)).OrderBy(p => p.f.Time).ThenBy(p => p.i).Select(p => p.f));
    }

    private static void Write(TcpConnection connection, WireExchange exchange)
    {
        var start = exchange.Started;
        var end = exchange.Completed ?? exchange.Started;
        static DateTimeOffset After(DateTimeOffset at, int micros) => at.AddTicks(micros * TimeSpan.TicksPerMicrosecond);

        connection.Open(start);
        connection.Data(After(start, 30), fromClient: true, ExchangeWire.Request(exchange).ToBytes());
        if (ExchangeWire.Response(exchange) is not { } response) return;

        var head = Encoding.UTF8.GetBytes(response.Head);
        if (!response.Streamed)
        {
            connection.Data(Later(After(start, 40), end), fromClient: false, response.ToBytes());
        }
        else
        {
            // A stream: the head is flushed alone, then each chunk as it was written, then the last chunk.
            connection.Data(After(start, 40), fromClient: false, head);
            var pieces = response.Body.Where(b => b.Length > 0).ToList();
            for (var i = 0; i < pieces.Count; i++)
            {
                var at = Later(After(start, 50 + i * 10), start + (end - start) * (i + 1) / (pieces.Count + 1));
                connection.Data(at, fromClient: false, ChunkedCoding.Frame([pieces[i]], complete: false));
            }
            if (response.Complete) connection.Data(Later(After(start, 50 + pieces.Count * 10), end), fromClient: false, ChunkedCoding.End.ToArray());
        }
        if (response.Complete) connection.Close(Later(After(start, 60 + response.Body.Count * 10), end.AddTicks(100 * TimeSpan.TicksPerMicrosecond)));
    }

    private static WireExchange Shifted(WireExchange exchange, DateTimeOffset notBefore)
    {
        if (exchange.Started >= notBefore) return exchange;
        var by = notBefore - exchange.Started;
        return exchange with { Started = notBefore, Completed = exchange.Completed + by };
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>Where the capture says the connections went.</summary>
public sealed record PcapOptions
{
    /// <summary>The API server's port (kubeadm's 6443).</summary>
    public int ServerPort { get; init; } = 6443;

    /// <summary>The client's port for the first connection; each next connection takes the next port.</summary>
    public int FirstClientPort { get; init; } = 40000;
}
