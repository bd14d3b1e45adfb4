using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Registry;

/// <summary>DeleteOptions on the generic store: propagation policy finalizers, preconditions, grace periods.</summary>
public class DeletionTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private static async Task<ClusterClient> WithConfigMap(string extraMetadata = "")
    {
        var c = new ClusterClient();
        await c.Json(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"cm\"" + extraMetadata + "}}", expect: 201);
        return c;
    }

    [TestCase("""{"propagationPolicy":"Foreground"}""", "foregroundDeletion")]
    [TestCase("""{"propagationPolicy":"Orphan"}""", "orphan")]
    [TestCase("""{"orphanDependents":true}""", "orphan")]
    public async Task APropagationPolicyBecomesAFinalizerThatHoldsTheObject(string options, string finalizer)
    {
        using var c = await WithConfigMap();
        var deleted = await c.Json(HttpMethod.Delete, $"{ConfigMaps}/cm", options);
        Assert.That(deleted["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { finalizer }));
        Assert.That(deleted["metadata"]!["deletionTimestamp"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:00Z"));
        Assert.That(deleted["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>(), Is.Zero);
        Assert.That((await c.Send(HttpMethod.Get, $"{ConfigMaps}/cm")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task BackgroundDeletesAtOnceWithASuccessStatusForKindsThatDoNotReturnTheObject()
    {
        using var c = await WithConfigMap();
        var uid = c.Cluster.Store.Get("configmaps", "default/cm")!.Object.Metadata.Uid;
        var (status, body, _) = await c.Send(HttpMethod.Delete, $"{ConfigMaps}/cm", """{"propagationPolicy":"Background"}""");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"cm","kind":"configmaps","uid":"UID"}}""".Replace("UID", uid) + "\n"));
    }

    [Test]
    public async Task ThePolicyCanComeAsAQueryParameter()
    {
        using var c = await WithConfigMap();
        var deleted = await c.Json(HttpMethod.Delete, $"{ConfigMaps}/cm?propagationPolicy=Foreground");
        Assert.That(deleted["metadata"]!["finalizers"]![0]!.GetValue<string>(), Is.EqualTo("foregroundDeletion"));
    }

    [Test]
    public async Task OrphanDependentsAndAPolicyTogetherAreInvalid()
    {
        using var c = await WithConfigMap();
        var (status, body, _) = await c.Send(HttpMethod.Delete, $"{ConfigMaps}/cm", """{"orphanDependents":false,"propagationPolicy":"Foreground"}""");
        Assert.That(status, Is.EqualTo(422));
        Assert.That(JsonNode.Parse(body)!["message"]!.GetValue<string>(), Does.EndWith("propagationPolicy: Invalid value: \"Foreground\": orphanDependents and deletionPropagation cannot be both set"));
    }

    [Test]
    public async Task AUidPreconditionThatDoesNotMatchIsAConflict()
    {
        using var c = await WithConfigMap();
        var uid = c.Cluster.Store.Get("configmaps", "default/cm")!.Object.Metadata.Uid;
        var (status, body, _) = await c.Send(HttpMethod.Delete, $"{ConfigMaps}/cm", """{"preconditions":{"uid":"not-it"}}""");
        Assert.That(status, Is.EqualTo(409));
        Assert.That(JsonNode.Parse(body)!["message"]!.GetValue<string>(),
            Is.EqualTo($"Operation cannot be fulfilled on configmaps \"cm\": Precondition failed: UID in precondition: not-it, UID in object meta: {uid}"));
    }

    [Test]
    public async Task AResourceVersionPreconditionThatDoesNotMatchIsAConflict()
    {
        using var c = await WithConfigMap();
        var (status, _, _) = await c.Send(HttpMethod.Delete, $"{ConfigMaps}/cm", """{"preconditions":{"resourceVersion":"1"}}""");
        Assert.That(status, Is.EqualTo(409));
    }

    [Test]
    public async Task RemovingTheLastFinalizerOfADeletedObjectDeletesIt()
    {
        using var c = await WithConfigMap(""","finalizers":["example.com/block"]""");
        var held = await c.Json(HttpMethod.Delete, $"{ConfigMaps}/cm");
        held["metadata"]!.AsObject().Remove("finalizers");
        await c.Json(HttpMethod.Put, $"{ConfigMaps}/cm", held.ToJsonString());
        Assert.That((await c.Send(HttpMethod.Get, $"{ConfigMaps}/cm")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task DeleteCollectionDeletesWhatTheSelectorMatches()
    {
        using var c = new ClusterClient();
        foreach (var (name, app) in new[] { ("a", "web"), ("b", "web"), ("c", "db") })
            await c.Json(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"" + app + "\"}}}", expect: 201);
        var deleted = await c.Json(HttpMethod.Delete, $"{ConfigMaps}?labelSelector=app%3Dweb");
        Assert.That(deleted["kind"]!.GetValue<string>(), Is.EqualTo("ConfigMapList"));
        Assert.That(deleted["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "a", "b" }));
        var left = await c.Json(HttpMethod.Get, ConfigMaps);
        Assert.That(left["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public async Task AScheduledPodWaitsForItsGracePeriodAndALaterDeleteMayOnlyShortenIt()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/pods",
            """{"metadata":{"name":"p"},"spec":{"nodeName":"worker-1","containers":[{"name":"c","image":"nginx"}]}}""", expect: 201);
        var first = await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/p");
        Assert.That(first["metadata"]!["deletionTimestamp"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:30Z"));
        Assert.That(first["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>(), Is.EqualTo(30));

        var longer = await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/p", """{"gracePeriodSeconds":60}""");
        Assert.That(longer["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(first["metadata"]!["resourceVersion"]!.GetValue<string>()));

        var shorter = await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/p", """{"gracePeriodSeconds":10}""");
        Assert.That(shorter["metadata"]!["deletionTimestamp"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:10Z"));

        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/p", """{"gracePeriodSeconds":0}""");
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/p")).Status, Is.EqualTo(404));
    }
}
