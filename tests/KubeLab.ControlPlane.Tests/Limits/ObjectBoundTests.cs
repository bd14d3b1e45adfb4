using KubeLab.ControlPlane.Admission.Plugins;
using KubeLab.ControlPlane.Pipeline;

using KubeLab.ControlPlane.Tests.Controllers;

namespace KubeLab.ControlPlane.Tests.Limits;

/// <summary>MaxObjects: a create beyond it is ResourceQuota's 403 and stores nothing; reads and deletes always pass.</summary>
public class ObjectBoundTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private static string ConfigMap(string name) => $$$"""{"metadata":{"name":"{{{name}}}"}}""";

    [Test]
    public async Task TheBoundCountsOnlyWhatCameAfterTheBootstrap()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 2 });
        Assert.That(c.Cluster.Store.ObjectCount, Is.GreaterThan(2), "the bootstrap alone holds more objects than the bound");
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("one"), expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"team"}}""", expect: 201);
    }

    [Test]
    public async Task ACreateBeyondTheBoundIsTheQuotaRefusalAndStoresNothing()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 2 });
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("one"), expect: 201);
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("two"), expect: 201);
        var revision = c.Cluster.Store.Revision;
        var count = c.Cluster.Store.ObjectCount;

        var (status, body, response) = await c.Send(HttpMethod.Post, ConfigMaps, ConfigMap("three"));

        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"three\" is forbidden: exceeded quota: kubelab-learner-limits, requested: count/objects=1, used: count/objects=2, limited: count/objects=2","reason":"Forbidden","details":{"name":"three","kind":"configmaps"},"code":403}""" + "\n"));
        Assert.That(response.Headers.Contains("Retry-After"), Is.False);
        Assert.That(c.Cluster.Store.Revision, Is.EqualTo(revision));
        Assert.That(c.Cluster.Store.ObjectCount, Is.EqualTo(count));
        Assert.That(c.Cluster.Store.Get("configmaps", "default/three"), Is.Null);
        var denied = c.TraceOf(response).Trace.Entries.Single(e => e.Stage == TraceStage.Admission && e.Decision == "denied");
        Assert.That(denied.Component, Is.EqualTo("ResourceQuota"));
    }

    [Test]
    public async Task TheRefusalNamesTheGroupQualifiedResourceAndCountsEveryKind()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 1 });
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("one"), expect: 201);
        var (status, body, _) = await c.Send(HttpMethod.Post, "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
            """{"metadata":{"name":"reader"},"rules":[]}""");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.Contain("""
            "message":"roles.rbac.authorization.k8s.io \"reader\" is forbidden: exceeded quota: kubelab-learner-limits, requested: count/objects=1, used: count/objects=1, limited: count/objects=1","reason":"Forbidden","details":{"name":"reader","group":"rbac.authorization.k8s.io","kind":"roles"}
            """));
    }

    [Test]
    public async Task AtTheBoundReadsUpdatesAndDeletesStillWorkAndADeleteMakesRoom()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 1 });
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("one"), expect: 201);
        Assert.That((await c.Send(HttpMethod.Post, ConfigMaps, ConfigMap("two"))).Status, Is.EqualTo(403));

        await c.Json(HttpMethod.Get, $"{ConfigMaps}/one");
        await c.Json(HttpMethod.Get, ConfigMaps);
        await c.Json(HttpMethod.Put, $"{ConfigMaps}/one", """{"metadata":{"name":"one"},"data":{"a":"1"}}""");
        await c.Json(HttpMethod.Delete, $"{ConfigMaps}/one");

        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("two"), expect: 201);
        Assert.That((await c.Send(HttpMethod.Post, ConfigMaps, ConfigMap("three"))).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task ServerSideApplyCreatingAnObjectIsBoundToo()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 1 });
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("one"), expect: 201);
        var (status, body, _) = await c.Send(HttpMethod.Patch, $"{ConfigMaps}/two?fieldManager=kubectl",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"two"}}""", "application/apply-patch+yaml");
        Assert.That(status, Is.EqualTo(403), body);
        Assert.That(body, Does.Contain("configmaps \\\"two\\\" is forbidden: exceeded quota: kubelab-learner-limits"));
        Assert.That(c.Cluster.Store.Get("configmaps", "default/two"), Is.Null);
    }

    [Test]
    public async Task ADryRunCreateIsCheckedButAddsNothing()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 1 });
        await c.Json(HttpMethod.Post, ConfigMaps + "?dryRun=All", ConfigMap("one"), expect: 201);
        await c.Json(HttpMethod.Post, ConfigMaps, ConfigMap("one"), expect: 201);
        Assert.That((await c.Send(HttpMethod.Post, ConfigMaps + "?dryRun=All", ConfigMap("two"))).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task ControllersAreBoundLikeAnyoneAsUnderARealQuota()
    {
        using var c = new ClusterClient(limits: new ClusterLimits { MaxObjects = 3 });
        await c.Json(HttpMethod.Post, "/apis/apps/v1/namespaces/default/replicasets",
            """{"metadata":{"name":"web"},"spec":{"replicas":5,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}""",
            expect: 201);
        await c.Settle();

        Assert.That(c.Cluster.Store.Count("pods"), Is.LessThan(5));
        var refused = c.Traces.Where(e => e.Method == "POST" && e.Path.EndsWith("/pods", StringComparison.Ordinal) && e.StatusCode == 403).ToList();
        Assert.That(refused, Is.Not.Empty, "the ReplicaSet controller's creates past the bound are refused, not dropped silently");
        Assert.That(c.Cluster.Services.Admission.OfType<ObjectCountQuota>().Single().Used, Is.EqualTo(3));
    }
}
