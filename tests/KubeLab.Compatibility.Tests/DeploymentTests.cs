using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// Deployments through `create deployment` (which sends protobuf bodies) and the
/// scale subresource. Each test works in a namespace of its own.
/// </summary>
public class DeploymentTests : SimulatorFixture
{
    [Test]
    public async Task CreateAndScale()
    {
        var ns = await CreateNamespaceAsync();

        Assert.That(await Kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "-n", ns),
            Is.EqualTo(Success("deployment.apps/web created\n")));
        Assert.That(await Kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}"), Is.EqualTo(Success("1")));

        Assert.That(await Kubectl.RunAsync("scale", "deployment", "web", "--replicas=3", "-n", ns),
            Is.EqualTo(Success("deployment.apps/web scaled\n")));
        Assert.That(await Kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}"), Is.EqualTo(Success("3")));
    }

    [Test]
    public async Task CreateTwice()
    {
        var ns = await CreateNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "-n", ns),
            Is.EqualTo(Success("deployment.apps/web created\n")));

        Assert.That(await Kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "-n", ns),
            Is.EqualTo(Failure("error: failed to create deployment: deployments.apps \"web\" already exists\n")));
    }

    [Test]
    public async Task CreatedFromTheTypedClientWithTheDefaultsKubectlSends()
    {
        var ns = await CreateNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "-n", ns),
            Is.EqualTo(Success("deployment.apps/web created\n")));

        // These fields travel in the protobuf body, so they show it was decoded.
        Assert.That(await Kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o",
                "jsonpath={.metadata.labels.app} {.spec.selector.matchLabels.app} {.spec.template.spec.containers[0].name} {.spec.template.spec.containers[0].image}"),
            Is.EqualTo(Success("web web nginx nginx")));
    }
}
