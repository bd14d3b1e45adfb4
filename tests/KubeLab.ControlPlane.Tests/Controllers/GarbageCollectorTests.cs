using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class GarbageCollectorTests
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string Web = """{"metadata":{"name":"web"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}""";

    private static async Task<int> Count(ClusterClient c, string path) =>
        (await c.Json(HttpMethod.Get, path))["items"]!.AsArray().Count;

    private static async Task<ClusterClient> RunningDeployment()
    {
        var c = new ClusterClient();
        await c.Json(HttpMethod.Post, Deployments, Web, expect: 201);
        await c.Run(3);
        return c;
    }

    [Test]
    public async Task BackgroundDeletesTheOwnerAtOnceAndItsDependentsAfter()
    {
        using var c = await RunningDeployment();
        var (status, body, _) = await c.Send(HttpMethod.Delete, $"{Deployments}/web", """{"propagationPolicy":"Background"}""");
        Assert.That(JsonNode.Parse(body)!["status"].Text(), Is.EqualTo("Success"), $"{status} {body}");
        await c.Settle();
        Assert.That(await Count(c, "/apis/apps/v1/namespaces/default/replicasets"), Is.Zero);
        Assert.That(await Count(c, "/api/v1/namespaces/default/pods"), Is.EqualTo(2), "the pods are terminating");
        await c.Run(2);
        Assert.That(await Count(c, "/api/v1/namespaces/default/pods"), Is.Zero);
    }

    [Test]
    public async Task ForegroundKeepsTheOwnerUntilItsDependentsAreGone()
    {
        using var c = await RunningDeployment();
        var deleted = await c.Json(HttpMethod.Delete, $"{Deployments}/web", """{"propagationPolicy":"Foreground"}""");
        Assert.That(deleted["metadata"]!["finalizers"]!.ToJsonString(), Is.EqualTo("""["foregroundDeletion"]"""));
        await c.Settle();
        var rs = (await c.Json(HttpMethod.Get, "/apis/apps/v1/namespaces/default/replicasets"))["items"]![0]!;
        Assert.That(rs["metadata"]!["finalizers"]!.ToJsonString(), Is.EqualTo("""["foregroundDeletion"]"""), "the replica set has pods: it goes in the foreground too");
        Assert.That((await c.Send(HttpMethod.Get, $"{Deployments}/web")).Status, Is.EqualTo(200));
        await c.Run(2);
        Assert.That(await Count(c, "/api/v1/namespaces/default/pods"), Is.Zero);
        Assert.That(await Count(c, "/apis/apps/v1/namespaces/default/replicasets"), Is.Zero);
        Assert.That((await c.Send(HttpMethod.Get, $"{Deployments}/web")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task OrphanLeavesTheDependentsWithoutTheirOwner()
    {
        using var c = await RunningDeployment();
        await c.Json(HttpMethod.Delete, $"{Deployments}/web", """{"propagationPolicy":"Orphan"}""");
        await c.Run(2);
        Assert.That((await c.Send(HttpMethod.Get, $"{Deployments}/web")).Status, Is.EqualTo(404));
        var rs = (await c.Json(HttpMethod.Get, "/apis/apps/v1/namespaces/default/replicasets"))["items"]!.AsArray().Single()!;
        Assert.That(rs["metadata"]!.AsObject().ContainsKey("ownerReferences"), Is.False);
        Assert.That(await Count(c, "/api/v1/namespaces/default/pods"), Is.EqualTo(2), "the replica set still keeps its pods");
    }

    [Test]
    public async Task ADependentWithAnotherOwnerOnlyLosesTheReferenceToTheOneThatWent()
    {
        using var c = new ClusterClient();
        var a = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"a"}}""", expect: 201);
        var b = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"b"}}""", expect: 201);
        string Ref(JsonObject o) => $$$"""{"apiVersion":"v1","kind":"ConfigMap","name":"{{{o["metadata"]!["name"].Text()}}}","uid":"{{{o["metadata"]!["uid"].Text()}}}"}""";
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            $$$"""{"metadata":{"name":"child","ownerReferences":[{{{Ref(a)}}},{{{Ref(b)}}}]}}""", expect: 201);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/a");
        await c.Settle();
        var child = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/child");
        Assert.That(child["metadata"]!["ownerReferences"]!.AsArray().Select(o => o!["name"].Text()), Is.EqualTo(new[] { "b" }));

        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/b");
        await c.Settle();
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/child")).Status, Is.EqualTo(404));
    }
}
