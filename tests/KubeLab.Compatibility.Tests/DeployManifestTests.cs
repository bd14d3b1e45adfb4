using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// The site's own manifests (<c>deploy/</c>) pass a server-side dry run with the real kubectl, and are refused
/// for the right reasons when broken. The manifests name their namespace, so this class owns <c>kubelab</c>.
/// </summary>
public class DeployManifestDryRunTests : SimulatorFixture
{
    private static readonly string[] NamespacedFiles =
    [
        "10-serviceaccount.yaml", "20-deployment.yaml", "30-service.yaml", "40-ingress.yaml", "50-poddisruptionbudget.yaml", "60-horizontalpodautoscaler.yaml",
    ];

    [Test]
    public async Task DryRunNeedsTheNamespaceThenAcceptsEveryManifestAndStoresNothing()
    {
        var fromRoot = Kubectl.In(RepositoryRoot.Path);

        // A dry-run namespace is not stored, so admission refuses everything that would live in it.
        Assert.That(await fromRoot.RunAsync("apply", "--dry-run=server", "-f", "deploy/"), Is.EqualTo(new KubectlResult(1,
            "namespace/kubelab created (server dry run)\n",
            string.Concat(NamespacedFiles.Select(f => $"Error from server (NotFound): error when creating \"deploy/{f}\": namespaces \"kubelab\" not found\n")))));
        Assert.That(await Kubectl.RunAsync("get", "namespace", "kubelab"), Is.EqualTo(Failure("Error from server (NotFound): namespaces \"kubelab\" not found\n")));

        Assert.That(await fromRoot.RunAsync("apply", "-f", "deploy/00-namespace.yaml"), Is.EqualTo(Success("namespace/kubelab created\n")));
        Assert.That(await fromRoot.RunAsync("apply", "--dry-run=server", "-f", "deploy/"), Is.EqualTo(Success("""
            namespace/kubelab unchanged (server dry run)
            serviceaccount/kubelab-site created (server dry run)
            deployment.apps/kubelab-site created (server dry run)
            service/kubelab-site created (server dry run)
            ingress.networking.k8s.io/kubelab-site created (server dry run)
            poddisruptionbudget.policy/kubelab-site created (server dry run)
            horizontalpodautoscaler.autoscaling/kubelab-site created (server dry run)

            """)));
        Assert.That(await Kubectl.RunAsync("get", "serviceaccounts,deployments,services,ingresses,poddisruptionbudgets,horizontalpodautoscalers", "-n", "kubelab"),
            Is.EqualTo(new KubectlResult(0, "", "No resources found in kubelab namespace.\n")));
    }

}

/// <summary>Dry runs of single manifests, whole and broken, into an existing <c>kubelab</c> namespace.</summary>
public class DeployManifestRefusalTests : SimulatorFixture
{
    [Test]
    public async Task DryRunReturnsWhatTheServerWouldDefault()
    {
        await EnsureNamespaceAsync();
        var fromRoot = Kubectl.In(RepositoryRoot.Path);

        Assert.That(await fromRoot.RunAsync("apply", "--dry-run=server", "-f", "deploy/60-horizontalpodautoscaler.yaml", "-o",
                "jsonpath={.spec.behavior.scaleUp.selectPolicy} {.spec.behavior.scaleDown.stabilizationWindowSeconds} {.status}"),
            Is.EqualTo(Success("""Max 1800 {"currentMetrics":null,"desiredReplicas":0}""")));
        Assert.That(await fromRoot.RunAsync("apply", "--dry-run=server", "-f", "deploy/50-poddisruptionbudget.yaml", "-o", "jsonpath={.metadata.generation} {.status}"),
            Is.EqualTo(Success("""1 {"currentHealthy":0,"desiredHealthy":0,"disruptionsAllowed":0,"expectedPods":0}""")));
    }

    [Test]
    public async Task BrokenCopiesAreRefusedWithTheRealErrors()
    {
        await EnsureNamespaceAsync();
        var dir = NewWorkDirectory();
        var deploy = Path.Combine(RepositoryRoot.Path, "deploy");
        File.WriteAllText(Path.Combine(dir, "ingress.yaml"), File.ReadAllText(Path.Combine(deploy, "40-ingress.yaml")).Replace("        pathType: Prefix\n", ""));
        File.WriteAllText(Path.Combine(dir, "hpa.yaml"), File.ReadAllText(Path.Combine(deploy, "60-horizontalpodautoscaler.yaml")).Replace("minReplicas: 2", "minReplicas: 12"));
        File.WriteAllText(Path.Combine(dir, "pdb.yaml"), File.ReadAllText(Path.Combine(deploy, "50-poddisruptionbudget.yaml")).Replace("  maxUnavailable: 1", "  minAvailable: 150%\n  minAvalable: 1"));
        var inDir = Kubectl.In(dir);

        Assert.That(await inDir.RunAsync("apply", "--dry-run=server", "-f", "ingress.yaml"),
            Is.EqualTo(Failure("The Ingress \"kubelab-site\" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n")));
        Assert.That(await inDir.RunAsync("apply", "--dry-run=server", "-f", "hpa.yaml"),
            Is.EqualTo(Failure("The HorizontalPodAutoscaler \"kubelab-site\" is invalid: spec.maxReplicas: Invalid value: 10: must be greater than or equal to `minReplicas`\n")));
        Assert.That(await inDir.RunAsync("apply", "--dry-run=server", "-f", "pdb.yaml"),
            Is.EqualTo(Failure("Error from server (BadRequest): error when creating \"pdb.yaml\": PodDisruptionBudget in version \"v1\" cannot be handled as a PodDisruptionBudget: strict decoding error: unknown field \"spec.minAvalable\"\n")));
        Assert.That(await inDir.RunAsync("apply", "--dry-run=server", "--validate=false", "-f", "pdb.yaml"),
            Is.EqualTo(Failure("The PodDisruptionBudget \"kubelab-site\" is invalid: spec.minAvailable: Invalid value: \"150%\": must not be greater than 100%\n")));
    }

    private async Task EnsureNamespaceAsync()
    {
        var result = await Kubectl.In(RepositoryRoot.Path).RunAsync("apply", "-f", "deploy/00-namespace.yaml");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}

/// <summary>The manifests applied for real, and <c>kubectl get</c> printing the new kinds as the real printers do.</summary>
public class DeployManifestApplyTests : SimulatorFixture
{
    [Test]
    public async Task ApplyCreatesEveryObjectAndGetPrintsTheirTables()
    {
        var fromRoot = Kubectl.In(RepositoryRoot.Path);
        Assert.That(await fromRoot.RunAsync("apply", "-f", "deploy/00-namespace.yaml"), Is.EqualTo(Success("namespace/kubelab created\n")));
        Assert.That(await fromRoot.RunAsync("apply", "-f", "deploy/"), Is.EqualTo(Success("""
            namespace/kubelab unchanged
            serviceaccount/kubelab-site created
            deployment.apps/kubelab-site created
            service/kubelab-site created
            ingress.networking.k8s.io/kubelab-site created
            poddisruptionbudget.policy/kubelab-site created
            horizontalpodautoscaler.autoscaling/kubelab-site created

            """)));
        // The budget's selector has patch strategy "replace", so kubectl's three-way patch is never empty for it:
        // a real cluster reports it configured on every apply, too.
        Assert.That(await fromRoot.RunAsync("apply", "-f", "deploy/"), Is.EqualTo(Success("""
            namespace/kubelab unchanged
            serviceaccount/kubelab-site unchanged
            deployment.apps/kubelab-site unchanged
            service/kubelab-site unchanged
            ingress.networking.k8s.io/kubelab-site unchanged
            poddisruptionbudget.policy/kubelab-site configured
            horizontalpodautoscaler.autoscaling/kubelab-site unchanged

            """)));

        var result = await Kubectl.RunAsync("get", "ingress,pdb,hpa", "-n", "kubelab");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var blocks = result.Stdout.Split("\n\n");
        Assert.That(blocks, Has.Length.EqualTo(3), result.Stdout);
        TextTable.AssertRows(TextTable.Parse(blocks[0] + "\n", "NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"),
            ["ingress.networking.k8s.io/kubelab-site", "nginx", "kubelab.example.org", "", "80, 443", TextTable.Age]);
        TextTable.AssertRows(TextTable.Parse(blocks[1] + "\n", "NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"),
            ["poddisruptionbudget.policy/kubelab-site", "N/A", "1", "0", TextTable.Age]);
        TextTable.AssertRows(TextTable.Parse(blocks[2], "NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"),
            ["horizontalpodautoscaler.autoscaling/kubelab-site", "Deployment/kubelab-site", "cpu: <unknown>/70%", "2", "10", "0", TextTable.Age]);
    }
}
