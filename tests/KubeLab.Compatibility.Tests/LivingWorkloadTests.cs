using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// A deployment's life with the simulated controllers: scale, roll out a new image with
/// <c>kubectl set image</c> and <c>rollout status</c>, and garbage collection on delete.
/// </summary>
public class LivingWorkloadTests : SimulatorFixture
{
    private async Task<KubectlResult> RolloutStatus(string ns) =>
        await Kubectl.RunAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");

    [Test]
    public async Task ADeploymentScalesRollsOutAndIsGarbageCollected()
    {
        var ns = await CreateNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "--replicas=2", "-n", ns),
            Is.EqualTo(Success("deployment.apps/web created\n")));
        var first = await RolloutStatus(ns);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Stdout, Does.EndWith("deployment \"web\" successfully rolled out\n"));

        var pods = await Kubectl.RunAsync("get", "pods", "-n", ns, "-l", "app=web", "-o", "name");
        Assert.That(pods.Stdout, Does.Match(@"^pod/web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\npod/web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\n$"));

        Assert.That(await Kubectl.RunAsync("scale", "deployment", "web", "--replicas=3", "-n", ns), Is.EqualTo(Success("deployment.apps/web scaled\n")));
        Assert.That((await RolloutStatus(ns)).Stdout, Does.EndWith("deployment \"web\" successfully rolled out\n"));
        var ready = await Kubectl.RunAsync("get", "deploy", "web", "-n", ns);
        TextTable.AssertRows(TextTable.Parse(ready.Stdout, "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"), ["web", "3/3", "3", "3", TextTable.Age]);

        Assert.That(await Kubectl.RunAsync("set", "image", "deployment/web", "nginx=nginx:1.28", "-n", ns), Is.EqualTo(Success("deployment.apps/web image updated\n")));
        var rollout = await RolloutStatus(ns);
        Assert.That(rollout.ExitCode, Is.Zero, rollout.ToString());
        Assert.That(rollout.Stdout, Does.EndWith("deployment \"web\" successfully rolled out\n"));
        // Old pods the kubelet is still stopping may be listed too (with a deletionTimestamp), as on a real cluster.
        var list = System.Text.Json.Nodes.JsonNode.Parse((await Kubectl.RunAsync("get", "pods", "-n", ns, "-l", "app=web", "-o", "json")).Stdout)!;
        var live = list["items"]!.AsArray().Where(p => p!["metadata"]!["deletionTimestamp"] is null)
            .Select(p => p!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.That(live, Is.EqualTo(new[] { "nginx:1.28", "nginx:1.28", "nginx:1.28" }));
        var sets = await Kubectl.RunAsync("get", "rs", "-n", ns, "-o", "jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}={.spec.replicas} {end}");
        Assert.That(sets.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries), Is.EquivalentTo(new[] { "1=0", "2=3" }));
        var history = await Kubectl.RunAsync("rollout", "history", "deployment/web", "-n", ns);
        Assert.That(history.Stdout, Is.EqualTo("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n"));
        var conditions = await Kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={range .status.conditions[*]}{.type}={.reason};{end}");
        Assert.That(conditions.Stdout.Split(';', StringSplitOptions.RemoveEmptyEntries),
            Is.EquivalentTo(new[] { "Available=MinimumReplicasAvailable", "Progressing=NewReplicaSetAvailable" }));

        Assert.That(await Kubectl.RunAsync("delete", "deployment", "web", "-n", ns), Is.EqualTo(Success("deployment.apps \"web\" deleted\n")));
        // The pods go once the kubelet has stopped them; if they went already, kubectl finds nothing to wait for.
        var gone = await Kubectl.RunAsync("wait", "--for=delete", "pods", "-l", "app=web", "-n", ns, "--timeout=30s");
        Assert.That(gone.ExitCode == 0 || gone.Stderr.Contains("no matching resources found"), Is.True, gone.ToString());
        Assert.That(await Kubectl.RunAsync("get", "rs,pods", "-n", ns), Is.EqualTo(new KubectlResult(0, "", $"No resources found in {ns} namespace.\n")));
    }

    [Test]
    public async Task ForegroundDeletionWaitsForTheDependentsAndOrphanKeepsThem()
    {
        var ns = await CreateNamespaceAsync();
        foreach (var name in new[] { "fg", "orphan" })
            Assert.That(await Kubectl.RunAsync("create", "deployment", name, "--image=nginx", "-n", ns), Is.EqualTo(Success($"deployment.apps/{name} created\n")));
        foreach (var name in new[] { "fg", "orphan" })
            Assert.That((await Kubectl.RunAsync("rollout", "status", $"deployment/{name}", "-n", ns, "--timeout=60s")).ExitCode, Is.Zero);

        // kubectl waits for the deployment itself, which stays (with foregroundDeletion) until its pods are gone.
        Assert.That(await Kubectl.RunAsync("delete", "deployment", "fg", "--cascade=foreground", "-n", ns), Is.EqualTo(Success("deployment.apps \"fg\" deleted\n")));
        Assert.That(await Kubectl.RunAsync("get", "pods", "-l", "app=fg", "-n", ns), Is.EqualTo(new KubectlResult(0, "", $"No resources found in {ns} namespace.\n")));

        Assert.That(await Kubectl.RunAsync("delete", "deployment", "orphan", "--cascade=orphan", "-n", ns), Is.EqualTo(Success("deployment.apps \"orphan\" deleted\n")));
        var left = await Kubectl.RunAsync("get", "rs", "-l", "app=orphan", "-n", ns, "-o", "jsonpath={.items[0].metadata.ownerReferences}");
        Assert.That(left, Is.EqualTo(Success("")), "the replica set stays, without its owner");
        Assert.That((await Kubectl.RunAsync("get", "pods", "-l", "app=orphan", "-n", ns, "-o", "name")).Stdout, Does.StartWith("pod/orphan-"));
    }
}
