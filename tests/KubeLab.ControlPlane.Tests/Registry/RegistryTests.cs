using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Registry;

namespace KubeLab.ControlPlane.Tests.Registry;

public class RegistryTests
{
    private static Deployment Web(int replicas = 1, string image = "nginx") => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = "web" } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new() { ["app"] = "web" } },
                Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = image }] },
            },
        },
    };

    [Test]
    public void GenerationGrowsOnlyWithSpecChanges()
    {
        using var c = new ClusterClient();
        var registry = c.Cluster.Registry("apps", "deployments");
        var created = registry.Create("default", Web(), RequestContext.System());
        Assert.That(created.Object.Metadata.Generation, Is.EqualTo(1));

        var relabelled = created.Copy<Deployment>();
        relabelled.Metadata.Labels = new() { ["team"] = "a" };
        var afterLabel = registry.Update("default", "web", relabelled, RequestContext.System()).Stored;
        Assert.That(afterLabel.Object.Metadata.Generation, Is.EqualTo(1));

        var scaled = afterLabel.Copy<Deployment>();
        scaled.Spec.Replicas = 3;
        Assert.That(registry.Update("default", "web", scaled, RequestContext.System()).Stored.Object.Metadata.Generation, Is.EqualTo(2));
    }

    [Test]
    public void AnUpdateThatChangesNothingKeepsTheResourceVersion()
    {
        using var c = new ClusterClient();
        var registry = c.Cluster.Registry("apps", "deployments");
        var created = registry.Create("default", Web(), RequestContext.System());
        var again = registry.Update("default", "web", created.Copy(), RequestContext.System()).Stored;
        Assert.That(again.ResourceVersion, Is.EqualTo(created.ResourceVersion));
    }

    [Test]
    public void GenerateNameGetsARandomSuffix()
    {
        using var c = new ClusterClient();
        var created = c.Cluster.Registry("", "configmaps").Create("default",
            new ConfigMap { Metadata = new ObjectMeta { GenerateName = "cfg-" } }, RequestContext.System());
        Assert.That(created.Object.Metadata.Name, Does.Match("^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
    }

    [Test]
    public void SeededClustersAreIdentical()
    {
        using var a = new ClusterClient(seed: 7);
        using var b = new ClusterClient(seed: 7);
        Assert.That(a.Cluster.Store.Get("namespaces", "default")!.Json, Is.EqualTo(b.Cluster.Store.Get("namespaces", "default")!.Json));
    }

    [Test]
    public void ResourceVersionsStrictlyIncrease()
    {
        using var c = new ClusterClient();
        var registry = c.Cluster.Registry("", "configmaps");
        var versions = Enumerable.Range(0, 5)
            .Select(i => registry.Create("default", new ConfigMap { Metadata = new ObjectMeta { Name = $"c{i}" } }, RequestContext.System()).ResourceVersion)
            .ToList();
        Assert.That(versions, Is.Ordered.Ascending);
        Assert.That(versions, Is.Unique);
    }

    [Test]
    public void FinalizersHoldAnObjectUntilTheLastOneGoes()
    {
        using var c = new ClusterClient();
        var registry = c.Cluster.Registry("", "configmaps");
        registry.Create("default", new ConfigMap { Metadata = new ObjectMeta { Name = "held", Finalizers = ["a/b", "c/d"] } }, RequestContext.System());

        var marked = registry.Delete("default", "held", new DeleteOptions(), RequestContext.System());
        Assert.That(marked.Deleted, Is.False);
        Assert.That(marked.Stored.Object.Metadata.DeletionTimestamp, Is.Not.Null);

        var oneLeft = marked.Stored.Copy();
        oneLeft.Metadata.Finalizers = ["c/d"];
        Assert.That(registry.Update("default", "held", oneLeft, RequestContext.System()).Deleted, Is.False);

        var none = registry.TryGet("default", "held")!.Copy();
        none.Metadata.Finalizers = null;
        Assert.That(registry.Update("default", "held", none, RequestContext.System()).Deleted, Is.True);
        Assert.That(registry.TryGet("default", "held"), Is.Null);
    }

    [Test]
    public void DeploymentsWhoseSelectorMissesTheTemplateAreInvalid()
    {
        using var c = new ClusterClient();
        var bad = Web();
        bad.Spec.Template.Metadata.Labels = new() { ["app"] = "other" };
        var error = Assert.Throws<KubeLab.ControlPlane.Errors.ApiException>(() => c.Cluster.Registry("apps", "deployments").Create("default", bad, RequestContext.System()))!;
        Assert.That(error.Message, Is.EqualTo("Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`"));
    }
}

public class ManagedFieldsTests
{
    [Test]
    public async Task ARepeatedIdenticalPutChangesNothingEvenLater()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldManager=editor", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""", expect: 201);
        c.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await c.Json(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cfg?fieldManager=editor", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""");
        Assert.That(again["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(created["metadata"]!["resourceVersion"]!.GetValue<string>()));
        Assert.That(again["metadata"]!["managedFields"]![0]!["time"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:00Z"));
    }
}
