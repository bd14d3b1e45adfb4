using System.Text.Json.Nodes;
using KubeLab.Cli;
using KubeLab.Cli.Lessons;
using KubeLab.Scenarios.Tests.Export;
using KubeLab.Testing;

namespace KubeLab.Scenarios.Tests.Cli;

public class ExportCommandTests
{
    private const string Lesson = """
        id: curl-export
        title: Curl export
        summary: S
        level: beginner
        minutes: 3
        steps:
          - title: A namespace
            narration: N
            curl: >-
              curl -s --cacert ca.crt --cert kubernetes-admin.crt --key kubernetes-admin.key
              -H "Content-Type: application/json" -d '{"metadata":{"name":"rodrigo"}}' ${server}/api/v1/namespaces
          - title: Read it
            narration: N
            curl: curl -s --cacert ca.crt --cert kubernetes-admin.crt --key kubernetes-admin.key ${server}/api/v1/namespaces/rodrigo
        """;

    [Test]
    public async Task WritesEveryFormatAskedFor()
    {
        using var folder = new TempFolder();
        var lesson = folder.Write("curl-export.yaml", Lesson);
        var (har, pcap, html) = (Path.Combine(folder.Path, "a.har"), Path.Combine(folder.Path, "a.pcap"), Path.Combine(folder.Path, "a.html"));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await ExportCommand.Run([lesson, "--har", har, "--pcap", pcap, "--html", html], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That((exit, stderr.ToString()), Is.EqualTo((0, "")));
            Assert.That(stdout.ToString(), Is.EqualTo($"{har}: 2 exchanges of \"Curl export\"\n{pcap}: 2 exchanges of \"Curl export\"\n{html}: 2 exchanges of \"Curl export\"\n"));
            Assert.That(HarSpec.Violations(JsonNode.Parse(File.ReadAllText(har))!), Is.Empty);
            Assert.That(File.ReadAllText(html), Does.Contain("GET /api/v1/namespaces/rodrigo HTTP/1.1"));
        });
        var decoded = await Tshark.Run("-r", pcap, "-d", "tcp.port==6443,http", "-Y", "http", "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.response.code");
        Assert.That(decoded, Is.EqualTo("POST\t/api/v1/namespaces\t\n\t\t201\nGET\t/api/v1/namespaces/rodrigo\t\n\t\t200\n"));
    }

    [Test]
    public void AFormatIsRequired()
    {
        var error = Assert.ThrowsAsync<UsageException>(() => ExportCommand.Run(["lesson.yaml"], TextWriter.Null, TextWriter.Null));
        Assert.That(error!.Message, Is.EqualTo($"which format? ({ExportCommand.Usage})"));
    }
}
