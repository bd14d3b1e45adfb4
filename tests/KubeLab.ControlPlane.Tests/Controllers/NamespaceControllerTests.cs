using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class NamespaceControllerTests
{
    [Test]
    public async Task DeletingANamespaceDeletesItsContentThenTheNamespaceFiveSecondsLater()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"rodrigo"}}""", expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/rodrigo/configmaps", """{"metadata":{"name":"settings"}}""", expect: 201);

        var deleted = await c.Json(HttpMethod.Delete, "/api/v1/namespaces/rodrigo");
        Assert.That(deleted["status"]!["phase"]!.GetValue<string>(), Is.EqualTo("Terminating"));
        // namespaceDeletionGracePeriod: the controller waits five seconds before it deletes content.
        await c.Run(4.9);
        Assert.That(c.Cluster.Store.Get("configmaps", "rodrigo/settings"), Is.Not.Null);
        await c.Run(0.1);

        var (status, body, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/rodrigo");
        Assert.That(status, Is.EqualTo(404), body);
        Assert.That(c.Cluster.Store.Get("configmaps", "rodrigo/settings"), Is.Null);
    }

    [Test]
    public async Task AContentFinalizerKeepsTheNamespaceTerminatingWithTheRealConditions()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"stuck"}}""", expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/stuck/configmaps",
            """{"metadata":{"name":"blocker","finalizers":["example.com/block"]}}""", expect: 201);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/stuck");
        await c.Run(5);

        var ns = await c.Json(HttpMethod.Get, "/api/v1/namespaces/stuck");
        Assert.That(ns["status"]!["phase"]!.GetValue<string>(), Is.EqualTo("Terminating"));
        var conditions = ns["status"]!["conditions"]!.AsArray().ToDictionary(n => n!["type"]!.GetValue<string>());
        Assert.That(conditions, Has.Count.EqualTo(5));
        Assert.That(conditions["NamespaceContentRemaining"]!["message"]!.GetValue<string>(),
            Is.EqualTo("Some resources are remaining: configmaps. has 1 resource instances"));
        Assert.That(conditions["NamespaceFinalizersRemaining"]!["message"]!.GetValue<string>(),
            Is.EqualTo("Some content in the namespace has finalizers remaining: example.com/block in 1 resource instances"));

        // Removing the content's finalizer lets the next pass finish the job: the controller does not watch
        // content, it looks again after its estimate (15 s for finalizers: 15/2+1 = 8 s after a pass).
        await c.Run(20);
        var blocker = await c.Json(HttpMethod.Get, "/api/v1/namespaces/stuck/configmaps/blocker");
        blocker["metadata"]!.AsObject().Remove("finalizers");
        await c.Json(HttpMethod.Put, "/api/v1/namespaces/stuck/configmaps/blocker", blocker.ToJsonString());
        await c.Settle();
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/stuck")).Status, Is.EqualTo(200), "not at once");
        await c.Run(8);
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/stuck")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task RunningPodsAreStoppedByTheirKubeletBeforeTheNamespaceGoes()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"team"}}""", expect: 201);
        await c.CreatePod(Living.Nginx, "team");
        await c.Run(3);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/team");
        await c.Run(5);
        var pod = await c.Pod("nginx", "team");
        Assert.That(pod["metadata"]!["deletionTimestamp"], Is.Not.Null, "the namespace controller deleted it, gracefully");
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/team")).Status, Is.EqualTo(200));
        // The pass wrote the conditions: that update of the namespace brings it back five seconds later (sooner than
        // the 30/2+1 = 16 s its pods' grace period estimates), and by then the kubelet has stopped the pod.
        await c.Run(4.9);
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/team")).Status, Is.EqualTo(200));
        await c.Run(0.1);
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/team")).Status, Is.EqualTo(404));
    }
}
