using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>Creating, changing and deleting pods and namespaces. Each test works in a namespace of its own.</summary>
public class PodAndNamespaceTests : SimulatorFixture
{
    private const string InvalidNameMessage =
        "The Pod \"Nginx_Bad\" is invalid: metadata.name: Invalid value: \"Nginx_Bad\": a lowercase RFC 1123 subdomain " +
        "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric " +
        "character (e.g. 'example.com', regex used for validation is " +
        @"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" + "\n";

    [Test]
    public async Task CreateAndDeleteNamespace()
    {
        var ns = UniqueName("ns");

        Assert.That(await Kubectl.RunAsync("create", "namespace", ns), Is.EqualTo(Success($"namespace/{ns} created\n")));
        var get = await Kubectl.RunAsync("get", "ns", ns);
        Assert.That(get.ExitCode, Is.Zero, get.ToString());
        TextTable.AssertRows(TextTable.Parse(get.Stdout, "NAME", "STATUS", "AGE"), [ns, "Active", TextTable.Age]);

        // kubectl waits until the namespace is really gone before it exits.
        Assert.That(await Kubectl.RunAsync("delete", "namespace", ns), Is.EqualTo(Success($"namespace \"{ns}\" deleted\n")));
        Assert.That(await Kubectl.RunAsync("get", "ns", ns),
            Is.EqualTo(Failure($"Error from server (NotFound): namespaces \"{ns}\" not found\n")));
    }

    [Test]
    public async Task DeletingNamespaceDeletesItsPods()
    {
        var ns = await CreateNamespaceAsync();
        await RunPodAsync("nginx", "nginx", ns);

        Assert.That(await Kubectl.RunAsync("delete", "namespace", ns), Is.EqualTo(Success($"namespace \"{ns}\" deleted\n")));
        // Listing a namespace that does not exist is an empty list, not an error.
        Assert.That(await Kubectl.RunAsync("get", "pods", "-n", ns),
            Is.EqualTo(new KubectlResult(0, "", $"No resources found in {ns} namespace.\n")));
    }

    [Test]
    public async Task CreateNamespaceTwice()
    {
        var ns = await CreateNamespaceAsync();

        Assert.That(await Kubectl.RunAsync("create", "namespace", ns),
            Is.EqualTo(Failure($"Error from server (AlreadyExists): namespaces \"{ns}\" already exists\n")));
    }

    [Test]
    public async Task RunLabelPatchAndDeletePod()
    {
        var ns = await CreateNamespaceAsync();

        Assert.That(await Kubectl.RunAsync("run", "nginx", "--image=nginx", "-n", ns), Is.EqualTo(Success("pod/nginx created\n")));
        Assert.That(await Kubectl.RunAsync("label", "pod", "nginx", "foo=bar", "-n", ns), Is.EqualTo(Success("pod/nginx labeled\n")));
        Assert.That(await Kubectl.RunAsync("patch", "pod", "nginx", "-n", ns, "-p", """{"metadata":{"labels":{"a":"b"}}}"""),
            Is.EqualTo(Success("pod/nginx patched\n")));
        Assert.That(await Kubectl.RunAsync("get", "pod", "nginx", "-n", ns, "-o", "jsonpath={.metadata.labels}"),
            Is.EqualTo(Success("""{"a":"b","foo":"bar","run":"nginx"}""")));

        // kubectl waits while the kubelet stops the container; nginx stops at once on its signal.
        Assert.That(await Kubectl.RunAsync("delete", "pod", "nginx", "-n", ns), Is.EqualTo(Success("pod \"nginx\" deleted\n")));
        Assert.That(await Kubectl.RunAsync("get", "pod", "nginx", "-n", ns),
            Is.EqualTo(Failure("Error from server (NotFound): pods \"nginx\" not found\n")));
    }

    [Test]
    public async Task CreateFromFileTwice()
    {
        var ns = await CreateNamespaceAsync();
        var dir = NewWorkDirectory();
        File.WriteAllText(Path.Combine(dir, "pod.yaml"), Manifests.Pod("web"));

        Assert.That(await Kubectl.In(dir).RunAsync("create", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/web created\n")));
        Assert.That(await Kubectl.In(dir).RunAsync("create", "-f", "pod.yaml", "-n", ns),
            Is.EqualTo(Failure("Error from server (AlreadyExists): error when creating \"pod.yaml\": pods \"web\" already exists\n")));
    }

    [Test]
    public async Task ApplyCreatesThenConfiguresThenLeavesUnchanged()
    {
        var ns = await CreateNamespaceAsync();
        var dir = NewWorkDirectory();
        var file = Path.Combine(dir, "pod.yaml");

        File.WriteAllText(file, Manifests.Pod("web", image: "nginx"));
        Assert.That(await Kubectl.In(dir).RunAsync("apply", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/web created\n")));

        File.WriteAllText(file, Manifests.Pod("web", image: "nginx:1.28"));
        Assert.That(await Kubectl.In(dir).RunAsync("apply", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/web configured\n")));
        Assert.That(await Kubectl.In(dir).RunAsync("apply", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/web unchanged\n")));

        Assert.That(await Kubectl.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.spec.containers[0].image}"),
            Is.EqualTo(Success("nginx:1.28")));
    }

    [Test]
    public async Task ApplyFromStdin()
    {
        var ns = await CreateNamespaceAsync();

        Assert.That(await Kubectl.WithStdin(Manifests.Pod("web")).RunAsync("apply", "-f", "-", "-n", ns),
            Is.EqualTo(Success("pod/web created\n")));
    }

    [Test]
    public async Task ReplaceFromFile()
    {
        var ns = await CreateNamespaceAsync();
        var dir = NewWorkDirectory();
        var file = Path.Combine(dir, "pod.yaml");
        File.WriteAllText(file, Manifests.Pod("web"));
        Assert.That(await Kubectl.In(dir).RunAsync("create", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/web created\n")));

        // Only metadata changes: most of a pod's spec is immutable, and the scheduler has set spec.nodeName
        // since, so the live object (not the original file) is what gets edited and replaced.
        // Once it is Ready the kubelet stops writing its status, so the resourceVersion read here stays current.
        Assert.That((await Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, "--timeout=30s")).ExitCode, Is.Zero);
        var live = System.Text.Json.Nodes.JsonNode.Parse((await Kubectl.RunAsync("get", "pod", "web", "-n", ns, "-o", "json")).Stdout)!;
        live["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["tier"] = "frontend" };
        File.WriteAllText(Path.Combine(dir, "live.json"), live.ToJsonString());
        Assert.That(await Kubectl.In(dir).RunAsync("replace", "-f", "live.json", "-n", ns), Is.EqualTo(Success("pod/web replaced\n")));
        Assert.That(await Kubectl.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.metadata.labels}"),
            Is.EqualTo(Success("""{"tier":"frontend"}""")));
    }

    [Test]
    public async Task RunWithInvalidNameIsRejectedByTheServer()
    {
        var ns = await CreateNamespaceAsync();

        // kubectl run names the container after the pod, so the server reports both names, one cause per line.
        const string subdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
            "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
            @"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        const string label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start " +
            "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
        Assert.That(await Kubectl.RunAsync("run", "Nginx_Bad", "--image=nginx", "-n", ns), Is.EqualTo(Failure(
            "The Pod \"Nginx_Bad\" is invalid: \n" +
            $"* metadata.name: Invalid value: \"Nginx_Bad\": {subdomain}\n" +
            $"* spec.containers[0].name: Invalid value: \"Nginx_Bad\": {label}\n")));
    }

    [Test]
    public async Task CreateFromFileWithInvalidNameIsRejectedByTheServer()
    {
        var ns = await CreateNamespaceAsync();
        var dir = NewWorkDirectory();
        File.WriteAllText(Path.Combine(dir, "pod.yaml"), Manifests.Pod("Nginx_Bad"));

        // Unlike AlreadyExists, kubectl prints Invalid errors without the file name.
        Assert.That(await Kubectl.In(dir).RunAsync("create", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Failure(InvalidNameMessage)));
    }
}
