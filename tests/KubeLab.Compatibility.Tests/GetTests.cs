using System.Text.Json;
using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Compatibility.Tests.Infrastructure.TextTable;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// `kubectl get` output formats over a small known world, created once for the class:
/// pod nginx in default; pods cache and web in team-a; an empty namespace quiet. The set-up waits
/// until the simulated kubelet runs them all, so every row shows a Running pod on worker-1.
/// The tests only read, so they can run in any order.
/// </summary>
public class GetTests : SimulatorFixture
{
    private static readonly string[] PodHeaders = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];

    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        Assert.That(await Kubectl.RunAsync("create", "namespace", "team-a"), Is.EqualTo(KubectlResult.Success("namespace/team-a created\n")));
        Assert.That(await Kubectl.RunAsync("create", "namespace", "quiet"), Is.EqualTo(KubectlResult.Success("namespace/quiet created\n")));
        // No -n: the kubeconfig's context namespace (default) applies.
        Assert.That(await Kubectl.RunAsync("run", "nginx", "--image=nginx"), Is.EqualTo(KubectlResult.Success("pod/nginx created\n")));
        await RunPodAsync("web", "nginx:1.28", "team-a");
        await RunPodAsync("cache", "redis", "team-a");
        var ready = await Kubectl.RunAsync("wait", "--for=condition=Ready", "pods", "--all", "-A", "--timeout=60s");
        Assert.That(ready.ExitCode, Is.Zero, ready.ToString());
    }

    [Test]
    public async Task GetPods()
    {
        var result = await Kubectl.RunAsync("get", "pods");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.Stdout, Does.Match(
            @"^NAME    READY   STATUS    RESTARTS   AGE\n" +
            @"nginx   1/1     Running   0          \d+s\n$"));
    }

    [Test]
    public async Task GetOnePod()
    {
        var result = await Kubectl.RunAsync("get", "pod", "nginx");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, PodHeaders), ["nginx", "1/1", "Running", "0", Age]);
    }

    [Test]
    public async Task GetPodsInNamespace()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-n", "team-a");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, PodHeaders),
            ["cache", "1/1", "Running", "0", Age],
            ["web", "1/1", "Running", "0", Age]);
    }

    [Test]
    public async Task GetPodsAllNamespaces()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-A");

        // kubectl adds NAMESPACE itself, from each row's object metadata; the server sorts by namespace, then name.
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, ["NAMESPACE", .. PodHeaders]),
            ["default", "nginx", "1/1", "Running", "0", Age],
            ["team-a", "cache", "1/1", "Running", "0", Age],
            ["team-a", "web", "1/1", "Running", "0", Age]);
    }

    [Test]
    public async Task GetPodsWide()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-o", "wide");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, [.. PodHeaders, "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]),
            ["nginx", "1/1", "Running", "0", Age, "10.244.1.2", "worker-1", "<none>", "<none>"]);
    }

    [Test]
    public async Task GetPodsJson()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-o", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        // kubectl wraps the items in a client-side List and indents by 4 spaces.
        Assert.That(result.Stdout, Does.StartWith("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n"));
        Assert.That(result.Stdout, Does.EndWith("    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"));

        using var list = JsonDocument.Parse(result.Stdout);
        var items = list.RootElement.GetProperty("items");
        Assert.That(items.GetArrayLength(), Is.EqualTo(1));
        var pod = items[0];
        Assert.That(pod.GetProperty("apiVersion").GetString(), Is.EqualTo("v1"));
        Assert.That(pod.GetProperty("kind").GetString(), Is.EqualTo("Pod"));
        var metadata = pod.GetProperty("metadata");
        Assert.That(metadata.GetProperty("name").GetString(), Is.EqualTo("nginx"));
        Assert.That(metadata.GetProperty("namespace").GetString(), Is.EqualTo("default"));
        Assert.That(metadata.GetProperty("labels").GetProperty("run").GetString(), Is.EqualTo("nginx"));
        Assert.That(metadata.GetProperty("uid").GetString(), Is.Not.Empty);
        Assert.That(metadata.GetProperty("resourceVersion").GetString(), Is.Not.Empty);
        Assert.That(metadata.GetProperty("creationTimestamp").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        var container = pod.GetProperty("spec").GetProperty("containers")[0];
        Assert.That(container.GetProperty("name").GetString(), Is.EqualTo("nginx"));
        Assert.That(container.GetProperty("image").GetString(), Is.EqualTo("nginx"));
        Assert.That(pod.GetProperty("status").GetProperty("phase").GetString(), Is.EqualTo("Running"));
        Assert.That(pod.GetProperty("spec").GetProperty("nodeName").GetString(), Is.EqualTo("worker-1"));
    }

    [Test]
    public async Task GetPodsYaml()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-o", "yaml");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.Stdout, Does.StartWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n"));
        Assert.That(result.Stdout, Does.Contain("\n    name: nginx\n    namespace: default\n"));
        Assert.That(result.Stdout, Does.Contain("\n    containers:\n    - image: nginx\n"));
        Assert.That(result.Stdout, Does.Contain("\n    phase: Running\n"));
        Assert.That(result.Stdout, Does.EndWith("\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"));
    }

    [Test]
    public async Task GetPodsNames()
    {
        Assert.That(await Kubectl.RunAsync("get", "pods", "-o", "name"), Is.EqualTo(KubectlResult.Success("pod/nginx\n")));
        Assert.That(await Kubectl.RunAsync("get", "pods", "-n", "team-a", "-o", "name"), Is.EqualTo(KubectlResult.Success("pod/cache\npod/web\n")));
    }

    [Test]
    public async Task GetPodsByLabel()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-l", "run=nginx");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, PodHeaders), ["nginx", "1/1", "Running", "0", Age]);

        Assert.That(await Kubectl.RunAsync("get", "pods", "-l", "run=web"),
            Is.EqualTo(new KubectlResult(0, "", "No resources found in default namespace.\n")));
    }

    [Test]
    public async Task EmptyNamespaceSaysNoResourcesOnStderr()
    {
        Assert.That(await Kubectl.RunAsync("get", "pods", "-n", "quiet"),
            Is.EqualTo(new KubectlResult(0, "", "No resources found in quiet namespace.\n")));
    }

    [Test]
    public async Task GetNamespaces()
    {
        var result = await Kubectl.RunAsync("get", "ns");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, "NAME", "STATUS", "AGE"),
            ["default", "Active", Age],
            ["kube-node-lease", "Active", Age],
            ["kube-public", "Active", Age],
            ["kube-system", "Active", Age],
            ["quiet", "Active", Age],
            ["team-a", "Active", Age]);
    }
}
