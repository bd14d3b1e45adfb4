using System.Text.Json.Nodes;
using KubeLab.Scenarios.Export.Har;
using KubeLab.Scenarios.Http;
using KubeLab.Testing;

namespace KubeLab.Scenarios.Tests.Export;

/// <summary>An archive written entry by entry (as <c>serve --record</c> does) is a whole HAR after every entry.</summary>
public class HarLogWriterTests
{
    [Test]
    public async Task TheStreamHoldsACompleteArchiveAfterEveryEntry()
    {
        var samples = await ExchangeSamples.Create();
        using var stream = new MemoryStream();
        var writer = new HarLogWriter(stream, "https://127.0.0.1:6443");
        var har = JsonNode.Parse(stream.ToArray())!;
        Assert.That((HarSpec.Violations(har), har["log"]!["entries"]!.AsArray().Count), Is.EqualTo((Array.Empty<string>(), 0)));

        for (var i = 0; i < samples.Count; i++)
        {
            writer.Add(samples[i], new HarEntryNote("kubernetes-admin", ["kubeadm:cluster-admins", "system:authenticated"], i == 0 ? "kubelet" : null, "HTTP/2"));
            har = JsonNode.Parse(stream.ToArray())!;
            Assert.That(HarSpec.Violations(har), Is.Empty, $"after entry {i + 1}");
            Assert.That(har["log"]!["entries"]!.AsArray(), Has.Count.EqualTo(i + 1));
        }
        // Entry by entry or all at once, the bytes are the same (less the notes, which the exporter has none of).
        var entries = har["log"]!["entries"]!.AsArray();
        foreach (var entry in entries.Select(e => e!.AsObject()))
            foreach (var name in new[] { "_user", "_groups", "_component", "_protocol", "comment" }) entry.Remove(name);
        Assert.That(har.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n",
            Is.EqualTo(HarExporter.Export(samples)));
    }

    [Test]
    public async Task NotesSayWhoSentAnEntryAndOverWhat()
    {
        var sample = (await ExchangeSamples.Create())[0];
        var entry = HarEntry.Create(sample, "https://127.0.0.1:6443", 1, new HarEntryNote("system:node:worker-1", ["system:nodes"], "kubelet", "HTTP/2"));
        Assert.Multiple(() =>
        {
            Assert.That(entry["_user"]!.GetValue<string>(), Is.EqualTo("system:node:worker-1"));
            Assert.That(entry["_groups"]!.ToJsonString(), Is.EqualTo("""["system:nodes"]"""));
            Assert.That(entry["_component"]!.GetValue<string>(), Is.EqualTo("kubelet"));
            Assert.That(entry["_protocol"]!.GetValue<string>(), Is.EqualTo("HTTP/2"));
            Assert.That(entry["comment"]!.GetValue<string>(), Is.EqualTo("sent over HTTP/2, shown as the HTTP/1.1 messages it stands for"));
        });
        var open = HarEntry.Create(sample with { Completed = null }, "https://127.0.0.1:6443", 1, new HarEntryNote("jane", [], null, "HTTP/1.1"));
        Assert.That((open["_component"], open["_protocol"], open["comment"]!.GetValue<string>()),
            Is.EqualTo(((JsonNode?)null, (JsonNode?)null, "still open when recorded: the response so far")));
    }
}
