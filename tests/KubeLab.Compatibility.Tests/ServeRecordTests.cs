using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// `kubelab serve --record FILE.har` driven by the real kubectl: the archive holds every request kubectl says
/// (at -v=6) it made, with the statuses it got, is complete while the server runs, and is finished on SIGTERM
/// with the watch that was still open.
/// </summary>
public partial class ServeRecordTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>kubectl -v=6: <c>"Response" verb="GET" url="https://…" status="200 OK" milliseconds=1</c>.</summary>
    [GeneratedRegex("\"Response\" verb=\"(?<verb>[A-Z]+)\" url=\"(?<url>[^\"]+)\" status=\"(?<status>\\d+)")]
    private static partial Regex ResponseLine();

    private static IEnumerable<string> Requests(KubectlResult result) =>
        ResponseLine().Matches(result.Stderr).Select(m => $"{m.Groups["verb"]} {m.Groups["url"]} {m.Groups["status"]}");

    private static string Describe(JsonNode entry) => $"{entry["request"]!["method"]} {entry["request"]!["url"]} {entry["response"]!["status"]}";

    /// <summary>The entries, less the test harness's own readiness probe (GET /readyz before kubectl ran).</summary>
    private static List<JsonNode> Entries(JsonNode har) =>
        har["log"]!["entries"]!.AsArray().Select(e => e!).Where(e => !e["request"]!["url"]!.ToString().EndsWith("/readyz")).ToList();

    [Test]
    public async Task RecordsWhatKubectlSentAsItHappensAndFinishesOnSigterm()
    {
        var kubectlPath = await KubectlBinary.GetPathAsync();
        await using var simulator = await SimulatorProcess.StartAsync("--record", "session.har");
        var har = Path.Combine(simulator.Directory, "session.har");
        var home = Directory.CreateDirectory(Path.Combine(simulator.Directory, "home")).FullName;
        var kubectl = new Kubectl(kubectlPath, simulator.KubeconfigPath, Path.Combine(simulator.Directory, "cache"), home);

        var create = await kubectl.RunAsync("-v=6", "create", "configmap", "recorded", "--from-literal=mode=fast");
        Assert.That(create.Stdout, Is.EqualTo("configmap/recorded created\n"), create.ToString());
        // Written as it happens: the file is already a whole archive with kubectl's requests in it.
        var during = await ArchiveWithAsync(har, Requests(create).Count());
        Assert.That(HarSpec.Violations(during), Is.Empty);
        Assert.That(Entries(during).Where(e => e["_component"] is null).Select(Describe), Is.EquivalentTo(Requests(create)));

        var forbidden = await kubectl.RunAsync("-v=6", "get", "secrets", "--as=jane");
        Assert.That(forbidden.ExitCode, Is.EqualTo(1), forbidden.ToString());
        var pod = await kubectl.RunAsync("-v=6", "run", "recorded", "--image=nginx");
        var ready = await kubectl.RunAsync("-v=6", "wait", "--for=condition=Ready", "pod/recorded", "--timeout=30s");
        Assert.That(ready.Stdout, Is.EqualTo("pod/recorded condition met\n"), ready.ToString());
        string watchLog;
        KubectlResult later;
        await using (var watch = kubectl.Start("-v=6", "get", "configmaps", "-w", "--output-watch-events"))
        {
            await watch.WaitForLineAsync(line => line.Contains("recorded"), Patience);
            later = await kubectl.RunAsync("-v=6", "create", "configmap", "later");
            await watch.WaitForLineAsync(line => line.Contains("later"), Patience);
            // The watch is still open: SIGTERM ends it, and the recording must still hold it.
            Assert.That(await simulator.StopAsync(), Is.Zero, simulator.Output);
            watchLog = watch.Stderr;
        }
        Assert.That(simulator.Output, Does.Match(@"recorded \d+ exchanges to "));

        var archive = JsonNode.Parse(await File.ReadAllTextAsync(har))!;
        Assert.That(HarSpec.Violations(archive), Is.Empty);
        var clients = Entries(archive).Where(e => e["_component"] is null).ToList();
        var kubectlSaid = new[] { create, forbidden, pod, ready, later, new KubectlResult(0, "", watchLog) }.SelectMany(Requests).ToList();
        var watchEntry = clients.Single(e => e["request"]!["url"]!.ToString().Contains("/configmaps?") && e["request"]!["url"]!.ToString().Contains("watch=true"));
        Assert.Multiple(() =>
        {
            Assert.That(clients.Select(e => Describe(e)), Is.EquivalentTo(kubectlSaid), "every request kubectl made, with its status");
            Assert.That(clients.Where(e => Describe(e).EndsWith(" 403")).Select(e => e["_user"]!.ToString()), Is.EqualTo(new[] { "jane" }), "impersonated, refused");
            Assert.That(watchEntry["response"]!["content"]!["text"]!.ToString(),
                Does.StartWith("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Table\"").And.Contain("\"rows\":[{\"cells\":[\"later\","), "the watch's event, a Table row as kubectl asks");
        });

        // The cluster's own components are recorded too, and say who they are.
        var components = Entries(archive).Where(e => e["_component"] is not null).ToList();
        Assert.That(components.Select(e => $"{e["_component"]} {e["_user"]} {Describe(e)}"), Has.Some.Match(
            $@"^kube-scheduler system:kube-scheduler POST https://127\.0\.0\.1:{simulator.Port}/api/v1/namespaces/default/pods/recorded/binding 201$"));
        Assert.That(components.Select(e => $"{e["_component"]} {e["_user"]}"), Has.Some.EqualTo("kubelet system:node:worker-1"));
    }

    [Test]
    public async Task ClientsOnlyLeavesTheClusterComponentsOut()
    {
        var kubectlPath = await KubectlBinary.GetPathAsync();
        await using var simulator = await SimulatorProcess.StartAsync("--record", "clients.har", "--record-clients-only");
        var home = Directory.CreateDirectory(Path.Combine(simulator.Directory, "home")).FullName;
        var kubectl = new Kubectl(kubectlPath, simulator.KubeconfigPath, Path.Combine(simulator.Directory, "cache"), home);

        var run = await kubectl.RunAsync("-v=6", "run", "quiet", "--image=nginx");
        var ready = await kubectl.RunAsync("-v=6", "wait", "--for=condition=Ready", "pod/quiet", "--timeout=30s");
        Assert.That(ready.ExitCode, Is.Zero, ready.ToString());
        Assert.That(await simulator.StopAsync(), Is.Zero, simulator.Output);

        var archive = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(simulator.Directory, "clients.har")))!;
        Assert.That(HarSpec.Violations(archive), Is.Empty);
        Assert.That(Entries(archive).Select(e => Describe(e)), Is.EquivalentTo(Requests(run).Concat(Requests(ready))));
        Assert.That(Entries(archive).Select(e => e["_user"]!.ToString()).Distinct(), Is.EqualTo(new[] { "kubernetes-admin" }));
    }

    /// <summary>The archive, or null when it is caught between two writes (an entry written, its closing brackets not yet).</summary>
    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the archive until it parses and holds <paramref name="entries"/> clients' entries: they are written as they complete.</summary>
    private static async Task<JsonNode> ArchiveWithAsync(string path, int entries)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
            if (Parse(text) is { } archive && Entries(archive).Count(e => e["_component"] is null) >= entries) return archive;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{path} did not hold {entries} entries within {Patience.TotalSeconds:0} s:\n{text}");
            await Task.Delay(50);
        }
    }
}
