namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>kubectl delete</c> and its wait: immediate deletions (a GET that answers 404), and namespaces, which the
/// namespace controller removes while kubectl watches (each twin's controllers run as its client waits).
/// </summary>
public class DeleteEmulatorParityTests : EmulatorParityFixture
{
    /// <summary>A pod no node can take: unscheduled, it is deleted at once in both twins, whatever their kubelets' pace.</summary>
    private async Task PodAsync(string name, string ns = "default", string app = "web") =>
        await SendBothAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods",
            $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{"app":"{{{app}}}"}},"spec":{"nodeSelector":{"kubelab.example/nowhere":"true"},"containers":[{"name":"c","image":"nginx"}]}}""");

    private async Task ConfigMapAsync(string name, string ns = "default") =>
        await SendBothAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps",
            $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"}}""");

    private async Task NamespaceAsync(string name) =>
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{name}}}"}}""");

    [Test]
    public async Task One_pod()
    {
        await PodAsync("del-one");
        await AssertParityAsync("delete", "pod", "del-one");
    }

    [Test]
    public async Task Two_pods_and_a_missing_one()
    {
        await PodAsync("del-a");
        await PodAsync("del-b");
        await AssertParityAsync("delete", "pods", "del-a", "del-missing", "del-b");
    }

    [Test]
    public async Task By_label()
    {
        await NamespaceAsync("del-label");
        await PodAsync("l1", "del-label", "doomed");
        await PodAsync("l2", "del-label", "doomed");
        await PodAsync("l3", "del-label", "kept");
        await AssertParityAsync("delete", "pods", "-l", "app=doomed", "-n", "del-label");
        await AssertParityAsync("delete", "pods", "-l", "app=nothing", "-n", "del-label");
        await AssertParityAsync("delete", "pods", "--all", "-n", "del-label", "-o", "name");
    }

    [Test]
    public async Task Forced()
    {
        await PodAsync("del-force");
        await AssertParityAsync("delete", "pod", "del-force", "--grace-period=0", "--force");
        await PodAsync("del-now");
        await AssertParityAsync("delete", "pod", "del-now", "--now", "--wait=false");
    }

    [Test]
    public async Task A_namespace_waits_for_the_controller()
    {
        await NamespaceAsync("del-ns");
        await ConfigMapAsync("inside", "del-ns");
        await AssertParityAsync("delete", "namespace", "del-ns");
    }

    [Test]
    public async Task A_namespace_with_the_wait_logged()
    {
        await NamespaceAsync("del-ns-logged");
        AssertSame(await BothAsync(["delete", "ns", "del-ns-logged", "-v=6"]), KlogNormalizer.Normalize);
    }

    [Test]
    public async Task Dry_runs()
    {
        await ConfigMapAsync("del-dry");
        await AssertParityAsync("delete", "cm", "del-dry", "--dry-run=server");
        await AssertParityAsync("delete", "cm", "del-dry", "--dry-run=client");
    }

    [Test]
    public async Task From_a_file()
    {
        await ConfigMapAsync("del-file");
        await Twins.WriteFileAsync("del-file.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: del-file\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: del-file-missing\n");
        await AssertParityAsync("delete", "-f", "del-file.yaml");
    }

    [TestCase("delete")]
    [TestCase("delete", "pods")]
    [TestCase("delete", "pod", "x", "--grace-period=5", "--force")]
    [TestCase("delete", "pods", "--all", "-l", "a=b")]
    [TestCase("delete", "pod", "x", "-o", "yaml")]
    public async Task Refused(params string[] args) => await AssertParityAsync(args);
}
