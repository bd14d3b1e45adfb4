using KubeLab.ControlPlane.Tests.Protobuf;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>Requests the API fuzzer found answered with a 500 or leaving a trace in the store, each answered right now.</summary>
public class FuzzFoundRequestTests
{
    [Test]
    public async Task ARefusedUpdateLeavesTheStoredObjectUntouched()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"fuzz"}}""", expect: 201);
        var before = StoreFingerprint.Of(c.Cluster);
        // The strategy took the stored object's managedFields list, and recording this update's manager changed it in place.
        var (status, body, _) = await c.Send(HttpMethod.Put, "/api/v1/namespaces/fuzz",
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fuzz","annotations":{"./x":""}}}""");
        Assert.That(status, Is.EqualTo(422), body);
        Assert.That(StoreFingerprint.Of(c.Cluster), Is.EqualTo(before));
        Assert.That(StoreFingerprint.MutatedInPlace(c.Cluster), Is.Empty);
    }

    [TestCase("PATCH", "/api/v1/namespaces")]
    [TestCase("PUT", "/api/v1/namespaces/default/configmaps")]
    [TestCase("POST", "/api/v1/namespaces/default/configmaps/cfg")]
    [TestCase("POST", "/api/v1/namespaces/default")]
    public async Task AVerbThePathDoesNotServeIsA405(string method, string path)
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(new HttpMethod(method), path, """{"metadata":{"name":"cfg"}}""",
            method == "PATCH" ? "application/merge-patch+json" : "application/json");
        Assert.That(status, Is.EqualTo(405));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","details":{},"code":405}""" + "\n"));
    }

    [Test]
    public async Task AProtobufNamespaceWithoutMetadataIsInvalidNotA500()
    {
        using var c = new ClusterClient();
        var bytes = CapturedBodies.Bytes("6b3873000a0f0a02763112094e616d6573706163651200");
        var (status, body, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, "/api/v1/namespaces", contentType: "application/vnd.kubernetes.protobuf", bytes: bytes);
        Assert.That(status, Is.EqualTo(422), body);
        Assert.That(body, Does.Contain("metadata.name: Required value"));
    }

    [Test]
    public async Task ANullContainerIsAnEmptyOneAndInvalid()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", """{"metadata":{"name":"p"},"spec":{"containers":[null]}}""");
        Assert.That(status, Is.EqualTo(422), body);
        Assert.That(body, Does.Contain("spec.containers[0].name: Required value"));
    }

    [Test]
    public async Task InvalidUtf8InAJsonBodyIsStoredAsTheReplacementCharacter()
    {
        using var c = new ClusterClient();
        byte[] bytes = [.. """{"metadata":{"name":"cfg"},"data":{"k":"a"""u8, 0xff, .. "b\"}}"u8];
        var (status, body, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", bytes: bytes);
        Assert.That(status, Is.EqualTo(201), body);
        Assert.That(body, Does.Contain("\"k\":\"a\uFFFDb\""));
    }

    [Test]
    public async Task ANullMetadataIsAnEmptyOneAndANullLabelValueIsEmpty()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":null}""");
        Assert.That(status, Is.EqualTo(422), body);
        (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"cfg","labels":{"a":null}}}""");
        Assert.That(status, Is.EqualTo(201), body);
        Assert.That(body, Does.Contain("\"labels\":{\"a\":\"\"}"));
    }
}
