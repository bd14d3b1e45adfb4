using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Parity.Tests.Infrastructure;

namespace KubeLab.Scenarios.Parity.Tests;

/// <summary>
/// The lines write commands print, and the errors kubectl reports, built from the server's own
/// answers (the created object, the Status of a failed request) and compared with the real kubectl.
/// </summary>
public class MessageParityTests : ParityFixture
{
    private const string Ns = "msg";
    private static readonly ResourceKind ConfigMaps = new("", "ConfigMap", "configmaps", true);
    private static readonly ResourceKind Pods = new("", "Pod", "pods", true);

    private string workDirectory = "";

    [OneTimeSetUp]
    public async Task CreateNamespaceAsync()
    {
        Assert.That((await Kubectl.RunAsync("create", "namespace", Ns)).ExitCode, Is.Zero);
        workDirectory = Directory.CreateDirectory(Path.Combine(Simulator.Directory, "manifests")).FullName;
    }

    [Test]
    public async Task CreateConfigMapPrintsTheNameLine()
    {
        var real = await Kubectl.RunAsync("create", "configmap", "created", "--from-literal=a=b", "-n", Ns);
        var obj = await GetObjectAsync("created");
        AssertSame(real, KubectlOutput.Success(GenericPrinter.NameLine(obj, "created")));
    }

    [Test]
    public async Task CreateConfigMapTwiceWrapsTheConflict()
    {
        await Kubectl.RunAsync("create", "configmap", "twice", "-n", Ns);
        var real = await Kubectl.RunAsync("create", "configmap", "twice", "-n", Ns);
        var status = await PostAsync("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"twice"}}""");
        AssertSame(real, ErrorPrinter.Failure(KubectlError.FromStatus(status).Wrapped("failed to create configmap: ")));
    }

    [Test]
    public async Task CreateFromFileTwiceNamesTheFile()
    {
        var kubectl = Kubectl.In(Manifest("one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n"));
        Assert.That((await kubectl.RunAsync("create", "-f", "one.yaml", "-n", Ns)).ExitCode, Is.Zero);
        var real = await kubectl.RunAsync("create", "-f", "one.yaml", "-n", Ns);
        var status = await PostAsync("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"one"}}""");
        AssertSame(real, ErrorPrinter.Failure(KubectlError.FromStatus(status).WithSource("creating", "one.yaml")));
    }

    [TestCase("""{"name":"Bad_Name"}""", TestName = "Invalid with one cause")]
    [TestCase("""{"name":"Bad_Name","labels":{"bad key!":"bad value!"}}""", TestName = "Invalid with several causes")]
    public async Task InvalidListsTheCauses(string metadata)
    {
        var json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":" + metadata + ",\"data\":{\"ok\":\"x\"}}";
        var kubectl = Kubectl.In(Manifest("bad.json", json));
        var real = await kubectl.RunAsync("create", "-f", "bad.json", "-n", Ns);
        var status = await PostAsync(json);
        AssertSame(real, ErrorPrinter.Failure(KubectlError.FromStatus(status).WithSource("creating", "bad.json")));
    }

    [Test]
    public async Task WriteOperationsPrintTheirVerb()
    {
        var kubectl = Kubectl.In(Manifest("ops.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ops\ndata:\n  a: b\n"));
        string[][] steps =
        [
            ["apply", "-f", "ops.yaml", "-n", Ns],
            ["apply", "-f", "ops.yaml", "-n", Ns],
            ["replace", "-f", "ops.yaml", "-n", Ns],
            ["label", "cm", "ops", "x=y", "-n", Ns],
            ["annotate", "cm", "ops", "note=hi", "-n", Ns],
            ["patch", "cm", "ops", "-p", """{"data":{"k":"v"}}""", "-n", Ns],
            ["patch", "cm", "ops", "-p", """{"data":{"k":"v"}}""", "-n", Ns],
            ["apply", "--server-side", "-f", "ops.yaml", "-n", Ns],
        ];
        string[] operations = ["created", "unchanged", "replaced", "labeled", "annotated", "patched", "patched (no change)", "serverside-applied"];
        for (var i = 0; i < steps.Length; i++)
        {
            var real = await kubectl.RunAsync(steps[i]);
            var obj = await GetObjectAsync("ops");
            Assert.That(real.Stdout, Is.EqualTo(GenericPrinter.NameLine(obj, operations[i])), string.Join(' ', steps[i]));
            Assert.That(real.ExitCode, Is.Zero, real.ToString());
        }
    }

    [Test]
    public async Task DeletePrintsTheQuotedName()
    {
        await Kubectl.RunAsync("create", "configmap", "doomed", "-n", Ns);
        AssertSame(await Kubectl.RunAsync("delete", "configmap", "doomed", "-n", Ns), OperationMessages.Deleted(ConfigMaps, "doomed"));
    }

    [Test]
    public async Task ForceDeleteWarnsFirst()
    {
        await Kubectl.RunAsync("run", "forced", "--image=nginx", "-n", Ns);
        var real = await Kubectl.RunAsync("delete", "pod", "forced", "--grace-period=0", "--force", "-n", Ns);
        AssertSame(real, OperationMessages.Deleted(Pods, "forced", force: true));
    }

    [Test]
    public async Task DeleteOfAMissingObjectIsNotFound()
    {
        var real = await Kubectl.RunAsync("delete", "configmap", "nope", "-n", Ns);
        var missing = await Api.GetAsync($"/api/v1/namespaces/{Ns}/configmaps/nope", ApiClient.JsonAccept);
        AssertSame(real, ErrorPrinter.Failure(KubectlError.FromStatus(GetReplay.ReadStatus(missing))));
    }

    private string Manifest(string name, string text)
    {
        File.WriteAllText(Path.Combine(workDirectory, name), text);
        return workDirectory;
    }

    private async Task<JsonObject> GetObjectAsync(string name)
    {
        var response = await Api.GetAsync($"/api/v1/namespaces/{Ns}/configmaps/{name}", ApiClient.JsonAccept);
        return JsonTree.Parse(response.Body)!.AsObject();
    }

    private async Task<ControlPlane.Api.Meta.Status> PostAsync(string json)
    {
        var response = await Api.PostAsync($"/api/v1/namespaces/{Ns}/configmaps", json);
        Assert.That(response.IsSuccess, Is.False, response.Text);
        return GetReplay.ReadStatus(response);
    }
}
