using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Export.Har;
using KubeLab.Scenarios.Http;
using KubeLab.Testing;

namespace KubeLab.Scenarios.Tests.Export;

public class HarExporterTests
{
    private static IReadOnlyList<WireExchange> _samples = [];
    private static JsonNode _har = null!;

    [OneTimeSetUp]
    public async Task Export()
    {
        _samples = await ExchangeSamples.Create();
        _har = JsonNode.Parse(HarExporter.Export(_samples))!;
    }

    private static JsonArray Entries => _har["log"]!["entries"]!.AsArray();

    [Test]
    public void TheArchiveHasTheHar12Structure()
    {
        Assert.That(HarSpec.Violations(_har), Is.Empty);
        Assert.That(_har["log"]!["version"]!.GetValue<string>(), Is.EqualTo("1.2"));
        Assert.That(_har["log"]!["creator"]!["name"]!.GetValue<string>(), Is.EqualTo("KubeLab"));
        Assert.That(Entries, Has.Count.EqualTo(_samples.Count));
    }

    [Test]
    public void TheSpecCheckCatchesWhatIsWrong()
    {
        var broken = _har.DeepClone();
        broken["log"]!["entries"]![0]!["request"]!.AsObject().Remove("method");
        broken["log"]!["entries"]![0]!["time"] = 12345;
        broken["log"]!["entries"]![0]!["response"]!["extra"] = 1;
        Assert.That(HarSpec.Violations(broken), Is.EquivalentTo(new[]
        {
            ".log.entries[0].request.method: missing",
            ".log.entries[0].response.extra: not a HAR 1.2 field (custom fields start with '_')",
            ".log.entries[0].time: 12345 is not the sum of the timings (0)",
        }));
    }

    [Test]
    public void AnEntryCarriesTheRequestAndResponseAsOnTheWire()
    {
        var get = Entries[0]!;
        var wire = ExchangeWire.Request(_samples[0]);
        Assert.Multiple(() =>
        {
            Assert.That(get["startedDateTime"]!.GetValue<string>(), Is.EqualTo("2026-11-21T09:46:54.000Z"));
            Assert.That(get["request"]!["url"]!.GetValue<string>(), Is.EqualTo("https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500"));
            Assert.That(get["request"]!["headers"]!.AsArray().Select(h => $"{h!["name"]}: {h["value"]}"), Is.EqualTo(wire.Headers.Select(h => h.ToString())));
            Assert.That(get["request"]!["queryString"]!.ToJsonString(), Is.EqualTo("""[{"name":"limit","value":"500"}]"""));
            Assert.That(get["request"]!["headersSize"]!.GetValue<int>(), Is.EqualTo(Encoding.UTF8.GetByteCount(wire.Head)));
            Assert.That(get["response"]!["status"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(get["response"]!["content"]!["mimeType"]!.GetValue<string>(), Is.EqualTo("application/json"));
            Assert.That(get["response"]!["content"]!["text"]!.GetValue<string>(), Does.StartWith("""{"kind":"Table","apiVersion":"meta.k8s.io/v1","""));
        });
    }

    [Test]
    public void BinaryBodiesAreBase64()
    {
        var post = Entries[1]!;
        Assert.Multiple(() =>
        {
            Assert.That(post["request"]!["postData"]!["mimeType"]!.GetValue<string>(), Is.EqualTo("application/vnd.kubernetes.protobuf"));
            Assert.That(Convert.FromBase64String(post["request"]!["postData"]!["text"]!.GetValue<string>()), Is.EqualTo(ExchangeSamples.NamespaceProtobuf));
            Assert.That(post["request"]!["postData"]!["comment"]!.GetValue<string>(), Is.EqualTo("binary body (58 bytes), base64-encoded"));
            Assert.That(post["response"]!["status"]!.GetValue<int>(), Is.EqualTo(201));
        });
    }

    [Test]
    public void AWatchIsOneEntryWithItsEventsAndItsDuration()
    {
        var watch = Entries[^1]!;
        Assert.Multiple(() =>
        {
            Assert.That(watch["time"]!.GetValue<double>(), Is.EqualTo(5000));
            Assert.That(watch["timings"]!["wait"]!.GetValue<double>(), Is.EqualTo(5000));
            Assert.That(watch["response"]!["headers"]!.AsArray().Select(h => h!["name"]!.GetValue<string>()), Does.Contain("Transfer-Encoding"));
            Assert.That(watch["response"]!["content"]!["text"]!.GetValue<string>(), Does.StartWith("""{"type":"ADDED","object":{"kind":"ConfigMap","""));
        });
    }

    [Test]
    public async Task TheSameSessionExportsTheSameBytes()
    {
        var again = HarExporter.Export(await ExchangeSamples.Create());
        Assert.That(again, Is.EqualTo(_har.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n"));
    }
}
