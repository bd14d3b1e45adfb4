namespace KubeLab.ControlPlane.Tests.Http;

/// <summary>Every error is a Status with the real code, reason and message, byte for byte.</summary>
public class ErrorStatusTests
{
    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx"},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}""";

    [Test]
    public async Task UnknownPathIsTheGeneric404()
    {
        using var c = new ClusterClient();
        var (status, body, response) = await c.Send(HttpMethod.Get, "/apis/nope/v1/things");
        Assert.That(status, Is.EqualTo(404));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""" + "\n"));
    }

    [Test]
    public async Task MissingObjectNamesTheGroupQualifiedResource()
    {
        using var c = new ClusterClient();
        var (_, pod, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/nginx");
        Assert.That(pod, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"nginx\" not found","reason":"NotFound","details":{"name":"nginx","kind":"pods"},"code":404}""" + "\n"));
        var (_, deployment, _) = await c.Send(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web");
        Assert.That(deployment, Does.Contain("""
            "message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404
            """));
    }

    [Test]
    public async Task CreatingTwiceIsAlreadyExists()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/pods", Pod, expect: 201);
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", Pod);
        Assert.That(status, Is.EqualTo(409));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"nginx\" already exists","reason":"AlreadyExists","details":{"name":"nginx","kind":"pods"},"code":409}""" + "\n"));
    }

    [Test]
    public async Task StaleResourceVersionIsAConflictAndChangesNothing()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""", expect: 201);
        var rv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        await c.Json(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cfg", $$$"""{"metadata":{"name":"cfg","resourceVersion":"{{{rv}}}"},"data":{"a":"2"}}""");

        var (status, body, _) = await c.Send(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cfg", $$$"""{"metadata":{"name":"cfg","resourceVersion":"{{{rv}}}"},"data":{"a":"3"}}""");
        Assert.That(status, Is.EqualTo(409));
        Assert.That(body, Does.Contain("""
            "message":"Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict"
            """));
        var current = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/cfg");
        Assert.That(current["data"]!["a"]!.GetValue<string>(), Is.EqualTo("2"));
    }

    [Test]
    public async Task InvalidNameIs422WithTheKindInDetails()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", Pod.Replace("\"nginx\"}", "\"Nginx_Bad\"}"));
        Assert.That(status, Is.EqualTo(422));
        const string rule = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        Assert.That(body, Is.EqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\"," +
            $"\"message\":\"Pod \\\"Nginx_Bad\\\" is invalid: metadata.name: Invalid value: \\\"Nginx_Bad\\\": {rule}\",\"reason\":\"Invalid\"," +
            $"\"details\":{{\"name\":\"Nginx_Bad\",\"kind\":\"Pod\",\"causes\":[{{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: \\\"Nginx_Bad\\\": {rule}\",\"field\":\"metadata.name\"}}]}},\"code\":422}}\n"));
    }

    [Test]
    public async Task UnknownFieldsUnderStrictValidationAre400()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods?fieldValidation=Strict",
            Pod.Replace("\"spec\":{", "\"spec\":{\"foo\":1,"));
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body, Does.Contain("""
            "message":"Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.foo\"","reason":"BadRequest"
            """));
        Assert.That(c.Cluster.Store.Get("pods", "default/nginx"), Is.Null);
    }

    [Test]
    public async Task UnknownFieldsByDefaultAreAWarningHeader()
    {
        using var c = new ClusterClient();
        var (status, _, response) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", Pod.Replace("\"spec\":{", "\"spec\":{\"foo\":1,"));
        Assert.That(status, Is.EqualTo(201));
        Assert.That(response.Headers.GetValues("Warning"), Is.EqualTo(new[] { "299 - \"unknown field \\\"spec.foo\\\"\"" }));
    }

    [Test]
    public async Task UnsupportedBodyIs415()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", "x", "text/plain");
        Assert.That(status, Is.EqualTo(415));
        Assert.That(body, Does.Contain("\"reason\":\"UnsupportedMediaType\""));
    }

    [Test]
    public async Task OversizedBodyIs413()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", new string(' ', 3 * 1024 * 1024 + 1));
        Assert.That(status, Is.EqualTo(413));
        Assert.That(body, Does.Contain("\"message\":\"Request entity too large: limit is 3145728\",\"reason\":\"RequestEntityTooLarge\""));
    }

    [Test]
    public async Task MalformedJsonIs400AndStoresNothing()
    {
        using var c = new ClusterClient();
        var before = c.Cluster.Store.Revision;
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", "{\"metadata\":");
        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(c.Cluster.Store.Revision, Is.EqualTo(before));
    }

    [Test]
    public async Task WrongTypesAre400NotServerErrors()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods", """{"metadata":{"name":5}}""");
        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(body, Does.StartWith("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string","reason":"BadRequest","""));
    }

    [Test]
    public async Task AnUnknownTokenIs401AndNoCredentialsAreAnonymous()
    {
        using var c = new ClusterClient();
        c.Http.DefaultRequestHeaders.Authorization = new("Bearer", "garbage");
        var (status, body, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces");
        Assert.That(status, Is.EqualTo(401));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""" + "\n"));
    }

    [Test]
    public async Task ContentInAMissingNamespaceIs404AndInATerminatingOneIs403()
    {
        using var c = new ClusterClient();
        var (missing, missingBody, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/nope/pods", Pod);
        Assert.That(missing, Is.EqualTo(404));
        Assert.That(missingBody, Does.Contain("\"message\":\"namespaces \\\"nope\\\" not found\""));

        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"rodrigo"}}""", expect: 201);
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/rodrigo/configmaps", """{"metadata":{"name":"hold","finalizers":["example.com/block"]}}""", expect: 201);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/rodrigo");
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/rodrigo/pods", Pod);
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"nginx\" is forbidden: unable to create new content in namespace rodrigo because it is being terminated","reason":"Forbidden","details":{"name":"nginx","kind":"pods","causes":[{"reason":"NamespaceTerminating","message":"namespace rodrigo is being terminated","field":"metadata.namespace"}]},"code":403}""" + "\n"));
    }

    [Test]
    public async Task SystemNamespacesCannotBeDeleted()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Delete, "/api/v1/namespaces/kube-system");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.Contain("\"message\":\"namespaces \\\"kube-system\\\" is forbidden: this namespace may not be deleted\""));
    }

    [Test]
    public async Task UnsupportedVerbIs405()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Delete, "/api/v1/namespaces");
        Assert.That(status, Is.EqualTo(405));
        Assert.That(body, Does.Contain("\"reason\":\"MethodNotAllowed\""));
    }
}
