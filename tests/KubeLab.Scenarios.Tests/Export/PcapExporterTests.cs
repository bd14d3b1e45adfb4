using KubeLab.Scenarios.Export.Pcap;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Tests.Export;

/// <summary>The exported capture, read back by tshark: HTTP decoded, checksums and sequence numbers as TCP wants them.</summary>
public class PcapExporterTests
{
    private static IReadOnlyList<WireExchange> _samples = [];
    private static string _file = "";

    [OneTimeSetUp]
    public async Task Export()
    {
        _samples = await ExchangeSamples.Create();
        _file = Path.Combine(Directory.CreateTempSubdirectory("kubelab-pcap").FullName, "session.pcap");
        await File.WriteAllBytesAsync(_file, PcapExporter.Export(_samples));
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    private static Task<string> Read(params string[] args) => Tshark.Run(["-r", _file, "-d", "tcp.port==6443,http", .. args]);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task TsharkDecodesEveryRequestAndResponseAsHttp()
    {
        var decoded = await Read("-Y", "http", "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.response.code");
        Assert.That(Lines(decoded), Is.EqualTo(new[]
        {
            "GET\t/api/v1/namespaces/default/pods?limit=500\t",
            "\t\t200",
            "POST\t/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict\t",
            "\t\t201",
            "POST\t/api/v1/namespaces/rodrigo/configmaps\t",
            "\t\t201",
            "GET\t/api/v1/namespaces/nope\t",
            "\t\t404",
            "GET\t/api/v1\t",
            "\t\t200",
            "GET\t/api/v1/namespaces/rodrigo/configmaps?resourceVersion=0&timeoutSeconds=5&watch=true\t",
            "\t\t200",
        }), "the /api/v1 answer and the watch are reassembled from their chunks");
    }

    [Test]
    public async Task ChecksumsAreRightAndTcpSeesNothingAmiss()
    {
        string[] verify = ["-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE"];
        var frames = Lines(await Read([.. verify, "-T", "fields", "-e", "frame.number"])).Length;
        var good = Lines(await Read([.. verify, "-Y", "ip.checksum.status == \"Good\" && tcp.checksum.status == \"Good\"", "-T", "fields", "-e", "frame.number"])).Length;
        var flagged = await Read("-Y", "tcp.analysis.flags || _ws.malformed || _ws.expert.severity >= warning", "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message");
        Assert.Multiple(() =>
        {
            Assert.That(frames, Is.GreaterThan(_samples.Count * 7));
            Assert.That(good, Is.EqualTo(frames));
            Assert.That(flagged, Is.Empty);
        });
    }

    [Test]
    public async Task ChunkedBodiesAreReassembled()
    {
        var bodies = Lines(await Read("-Y", "http.transfer_encoding", "-T", "fields", "-e", "http.request.uri", "-e", "http.response_for.uri", "-e", "http.file_data"));
        var watch = bodies.Single(b => b.Contains("watch=true"));
        Assert.That(watch, Does.Contain("{\"type\":\"ADDED\",\"object\":{\"kind\":\"ConfigMap\""));
    }

    [Test]
    public async Task OnAPortWiresharkKnowsAsHttpNothingNeedsToBeSaid()
    {
        var file = Path.Combine(Path.GetDirectoryName(_file)!, "8080.pcap");
        await File.WriteAllBytesAsync(file, PcapExporter.Export(_samples, new PcapOptions { ServerPort = 8080 }));
        var methods = await Tshark.Run("-r", file, "-Y", "http.request", "-T", "fields", "-e", "http.request.method", "-e", "tcp.dstport");
        Assert.That(Lines(methods), Is.EqualTo(new[] { "GET\t8080", "POST\t8080", "POST\t8080", "GET\t8080", "GET\t8080", "GET\t8080" }));
    }

    [Test]
    public void TheSameExchangesGiveTheSameCapture() =>
        Assert.That(PcapExporter.Export(_samples), Is.EqualTo(File.ReadAllBytes(_file)));
}
