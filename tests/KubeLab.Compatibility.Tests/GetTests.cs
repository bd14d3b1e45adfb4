using System.Text.Json;
using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Compatibility.Tests.Infrastructure.TextTable;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// `kubectl get` output formats over a small known world, created once for the class:
/// pod nginx in default; pods cache and web in team-a; an empty namespace quiet.
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
    }

    [Test]
    public async Task GetPods()
    {
        var result = await Kubectl.RunAsync("get", "pods");

        // Unscheduled pods stay Pending (no kubelet yet).
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.Stdout, Does.Match(
            @"^NAME    READY   STATUS    RESTARTS   AGE\n" +
            @"nginx   0/1     Pending   0          \d+s\n$"));
    }

    [Test]
    public async Task GetOnePod()
    {
        var result = await Kubectl.RunAsync("get", "pod", "nginx");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, PodHeaders), ["nginx", "0/1", "Pending", "0", Age]);
    }

    [Test]
    public async Task GetPodsInNamespace()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-n", "team-a");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, PodHeaders),
            ["cache", "0/1", "Pending", "0", Age],
            ["web", "0/1", "Pending", "0", Age]);
    }

    [Test]
    public async Task GetPodsAllNamespaces()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-A");

        // kubectl adds NAMESPACE itself, from each row's object metadata; the server sorts by namespace, then name.
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, ["NAMESPACE", .. PodHeaders]),
            ["default", "nginx", "0/1", "Pending", "0", Age],
            ["team-a", "cache", "0/1", "Pending", "0", Age],
            ["team-a", "web", "0/1", "Pending", "0", Age]);
    }

    [Test]
    public async Task GetPodsWide()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-o", "wide");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        AssertRows(Parse(result.Stdout, [.. PodHeaders, "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]),
            ["nginx", "0/1", "Pending", "0", Age, "<none>", "<none>", "<none>", "<none>"]);
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
        Assert.That(pod.GetProperty("status").GetProperty("phase").GetString(), Is.EqualTo("Pending"));
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
        Assert.That(result.Stdout, Does.Contain("\n    phase: Pending\n"));
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
        AssertRows(Parse(result.Stdout, PodHeaders), ["nginx", "0/1", "Pending", "0", Age]);

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
