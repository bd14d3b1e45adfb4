using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// kubectl's typed `create` generators send protobuf bodies; server-side apply sends
/// application/apply-patch+yaml. Both must land exactly as the JSON equivalents would.
/// </summary>
public class TypedCreateAndApplyTests : SimulatorFixture
{
    [Test]
    public async Task TypedCreatesDecodeFromProtobuf()
    {
        var ns = await CreateNamespaceAsync();

        Assert.That(await Kubectl.RunAsync("create", "configmap", "cfg", "--from-literal=a=1", "-n", ns), Is.EqualTo(Success("configmap/cfg created\n")));
        Assert.That(await Kubectl.RunAsync("create", "secret", "generic", "sec", "--from-literal=user=admin", "-n", ns), Is.EqualTo(Success("secret/sec created\n")));
        Assert.That(await Kubectl.RunAsync("create", "serviceaccount", "bot", "-n", ns), Is.EqualTo(Success("serviceaccount/bot created\n")));
        Assert.That(await Kubectl.RunAsync("create", "service", "clusterip", "web", "--tcp=80:8080", "-n", ns), Is.EqualTo(Success("service/web created\n")));

        Assert.That(await Kubectl.RunAsync("get", "configmap", "cfg", "-n", ns, "-o", "jsonpath={.data.a}"), Is.EqualTo(Success("1")));
        Assert.That(await Kubectl.RunAsync("get", "secret", "sec", "-n", ns, "-o", "jsonpath={.data.user}"), Is.EqualTo(Success("YWRtaW4=")));
        Assert.That(await Kubectl.RunAsync("get", "service", "web", "-n", ns, "-o", "jsonpath={.spec.ports[0].port}/{.spec.ports[0].targetPort}/{.spec.type}"),
            Is.EqualTo(Success("80/8080/ClusterIP")));
    }

    [Test]
    public async Task ServerSideApplyCreatesThenUpdates()
    {
        var ns = await CreateNamespaceAsync();
        var dir = NewWorkDirectory();
        File.WriteAllText(Path.Combine(dir, "pod.yaml"), Manifests.Pod("ssa", image: "nginx:1.27"));

        Assert.That(await Kubectl.In(dir).RunAsync("apply", "--server-side", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/ssa serverside-applied\n")));
        File.WriteAllText(Path.Combine(dir, "pod.yaml"), Manifests.Pod("ssa", image: "nginx:1.28"));
        Assert.That(await Kubectl.In(dir).RunAsync("apply", "--server-side", "-f", "pod.yaml", "-n", ns), Is.EqualTo(Success("pod/ssa serverside-applied\n")));

        Assert.That(await Kubectl.RunAsync("get", "pod", "ssa", "-n", ns, "-o", "jsonpath={.spec.containers[0].image} {.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}"),
            Is.EqualTo(Success("nginx:1.28 kubectl Apply")));
    }
}
