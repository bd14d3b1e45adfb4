using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// A namespace kept Terminating by a finalizer on its content, and the two ways out: removing the
/// content's finalizer, or finalizing the namespace by hand (which leaves the content behind).
/// </summary>
public class NamespaceLifecycleTests : SimulatorFixture
{
    private const string Blocker = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: blocker
          finalizers: ["example.com/block"]
        data:
          key: value
        """;

    /// <summary>A namespace whose deletion is stuck on a finalized ConfigMap, with the conditions checked.</summary>
    private async Task<string> StuckNamespaceAsync()
    {
        var ns = await CreateNamespaceAsync("stuck");
        Assert.That(await Kubectl.WithStdin(Blocker).RunAsync("create", "-f", "-", "-n", ns), Is.EqualTo(Success("configmap/blocker created\n")));
        Assert.That(await Kubectl.RunAsync("delete", "namespace", ns, "--wait=false"), Is.EqualTo(Success($"namespace \"{ns}\" deleted\n")));
        var conditions = await Kubectl.RunAsync("wait", $"namespace/{ns}", "--for=condition=NamespaceFinalizersRemaining", "--timeout=30s");
        Assert.That(conditions, Is.EqualTo(Success($"namespace/{ns} condition met\n")));

        var json = await Kubectl.RunAsync("get", "ns", ns, "-o", "json");
        var status = JsonNode.Parse(json.Stdout)!["status"]!;
        Assert.That(status["phase"]!.GetValue<string>(), Is.EqualTo("Terminating"));
        Assert.That(status["conditions"]!.AsArray().Select(c => $"{c!["type"]} {c["status"]} {c["reason"]}: {c["message"]}"), Is.EqualTo(new[]
        {
            "NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered",
            "NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed",
            "NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization",
            "NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances",
            "NamespaceFinalizersRemaining True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/block in 1 resource instances",
        }));
        var table = await Kubectl.RunAsync("get", "ns", ns);
        TextTable.AssertRows(TextTable.Parse(table.Stdout, "NAME", "STATUS", "AGE"), [ns, "Terminating", TextTable.Age]);
        return ns;
    }

    [Test]
    public async Task RemovingTheContentsFinalizerLetsTheNamespaceGo()
    {
        var ns = await StuckNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("patch", "configmap", "blocker", "-n", ns, "--type=merge", "-p", """{"metadata":{"finalizers":null}}"""),
            Is.EqualTo(Success("configmap/blocker patched\n")));
        // kubectl prints "condition met" if it saw the deletion, and nothing if the namespace was already gone.
        var gone = await Kubectl.RunAsync("wait", "--for=delete", $"namespace/{ns}", "--timeout=30s");
        Assert.That(gone.ExitCode, Is.Zero, gone.ToString());
        Assert.That(await Kubectl.RunAsync("get", "ns", ns), Is.EqualTo(Failure($"Error from server (NotFound): namespaces \"{ns}\" not found\n")));
        Assert.That(await Kubectl.RunAsync("get", "configmaps", "-n", ns), Is.EqualTo(new KubectlResult(0, "", $"No resources found in {ns} namespace.\n")));
    }

    [Test]
    public async Task FinalizingByHandRemovesTheNamespaceAndLeavesTheContentBehind()
    {
        var ns = await StuckNamespaceAsync();
        var dir = NewWorkDirectory();
        var json = JsonNode.Parse((await Kubectl.RunAsync("get", "ns", ns, "-o", "json")).Stdout)!;
        json["spec"]!["finalizers"] = new JsonArray();
        File.WriteAllText(Path.Combine(dir, "ns.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var finalize = await Kubectl.In(dir).RunAsync("replace", "--raw", $"/api/v1/namespaces/{ns}/finalize", "-f", "ns.json");
        Assert.That(finalize.ExitCode, Is.Zero, finalize.ToString());
        var answered = JsonNode.Parse(finalize.Stdout)!;
        Assert.That(answered["spec"]!.ToJsonString(), Is.EqualTo("{}"), "an empty finalizer list is omitted, as Go's omitempty does");
        Assert.That(answered["status"]!["phase"]!.GetValue<string>(), Is.EqualTo("Terminating"));

        Assert.That(await Kubectl.RunAsync("get", "ns", ns), Is.EqualTo(Failure($"Error from server (NotFound): namespaces \"{ns}\" not found\n")));
        // As on a real cluster, what the namespace held is still in storage, finalizer and all.
        Assert.That(await Kubectl.RunAsync("get", "configmap", "blocker", "-n", ns, "-o", "jsonpath={.metadata.finalizers[0]} {.data.key}"),
            Is.EqualTo(Success("example.com/block value")));
    }
}
