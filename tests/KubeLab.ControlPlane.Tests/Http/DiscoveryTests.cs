using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Http;

public class DiscoveryTests
{
    private const string AggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    [Test]
    public async Task AggregatedDiscoveryHasTheExactContentTypeAndResources()
    {
        using var c = new ClusterClient();
        var (_, body, response) = await c.Send(HttpMethod.Get, "/apis?timeout=32s", accept: AggregatedAccept);
        var contentType = response.Content.Headers.ContentType!;
        Assert.That(contentType.MediaType, Is.EqualTo("application/json"));
        Assert.That(contentType.Parameters.Select(p => $"{p.Name}={p.Value}"), Is.EqualTo(new[] { "g=apidiscovery.k8s.io", "v=v2", "as=APIGroupDiscoveryList" }));
        var apps = JsonNode.Parse(body)!["items"]![0]!;
        Assert.That(apps["metadata"]!.ToJsonString(), Is.EqualTo("""{"name":"apps","creationTimestamp":null}"""));
        var deployments = apps["versions"]![0]!["resources"]!.AsArray().Single(r => r!["resource"]!.GetValue<string>() == "deployments")!;
        Assert.That(deployments.ToJsonString(), Is.EqualTo("""{"resource":"deployments","responseKind":{"group":"apps","version":"v1","kind":"Deployment"},"scope":"Namespaced","singularResource":"deployment","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["deploy"],"categories":["all"],"subresources":[{"subresource":"scale","responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},"verbs":["get","patch","update"]},{"subresource":"status","responseKind":{"group":"apps","version":"v1","kind":"Deployment"},"verbs":["get","patch","update"]}]}"""));

        var (_, core, _) = await c.Send(HttpMethod.Get, "/api", accept: AggregatedAccept);
        Assert.That(JsonNode.Parse(core)!["items"]![0]!["metadata"]!.ToJsonString(), Is.EqualTo("""{"creationTimestamp":null}"""));
    }

    [Test]
    public async Task LegacyDiscoveryDocuments()
    {
        using var c = new ClusterClient();
        Assert.That((await c.Send(HttpMethod.Get, "/api")).Body, Does.StartWith("""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","""));
        var groups = (await c.Send(HttpMethod.Get, "/apis")).Body;
        Assert.That(groups, Does.StartWith("""{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},"""));
        Assert.That(JsonNode.Parse(groups)!["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "apps", "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "networking.k8s.io", "policy", "rbac.authorization.k8s.io" }));
        var v1 = (await c.Send(HttpMethod.Get, "/api/v1")).Body;
        Assert.That(v1, Does.Contain("""{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="}"""));
        Assert.That(v1, Does.Contain("""{"name":"pods/log","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]}"""));
        Assert.That(v1, Does.Contain("""{"name":"serviceaccounts/token","singularName":"","namespaced":true,"group":"authentication.k8s.io","version":"v1","kind":"TokenRequest","verbs":["create"]}"""));
        var apps = (await c.Send(HttpMethod.Get, "/apis/apps/v1")).Body;
        Assert.That(apps, Does.Contain("""{"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]}"""));
    }

    [Test]
    public async Task VersionAndRootAreIndentedJson()
    {
        using var c = new ClusterClient();
        var version = (await c.Send(HttpMethod.Get, "/version?timeout=32s")).Body;
        Assert.That(version, Does.StartWith("{\n  \"major\": \"1\",\n  \"minor\": \"33\",\n"));
        Assert.That(version, Does.Contain("\"gitVersion\": \"v1.33.1\""));
        var root = JsonNode.Parse((await c.Send(HttpMethod.Get, "/")).Body)!["paths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.That(root, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(root, Is.SupersetOf(new[] { "/api", "/api/v1", "/apis", "/apis/", "/apis/apps", "/apis/apps/v1", "/healthz", "/livez", "/openapi/v3", "/readyz", "/version" }));
    }

    [Test]
    public async Task HealthChecksAnswerPlainOkOrTheVerboseList()
    {
        using var c = new ClusterClient();
        var (status, body, response) = await c.Send(HttpMethod.Get, "/readyz");
        Assert.That((status, body), Is.EqualTo((200, "ok")));
        Assert.That(response.Content.Headers.NonValidated["Content-Type"].ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        var verbose = (await c.Send(HttpMethod.Get, "/livez?verbose&exclude=etcd")).Body.Split('\n');
        Assert.That(verbose[0], Is.EqualTo("[+]ping ok"));
        Assert.That(verbose, Does.Contain("[+]etcd excluded: ok"));
        Assert.That(verbose[^2], Is.EqualTo("livez check passed"));
        Assert.That((await c.Send(HttpMethod.Get, "/healthz/ping")).Body, Is.EqualTo("ok"));
    }

    [Test]
    public async Task OpenApiV3RootLinksEveryGroupVersionAndDocumentsCarryGvk()
    {
        using var c = new ClusterClient();
        var root = JsonNode.Parse((await c.Send(HttpMethod.Get, "/openapi/v3")).Body)!["paths"]!;
        var url = root["api/v1"]!["serverRelativeURL"]!.GetValue<string>();
        Assert.That(url, Does.StartWith("/openapi/v3/api/v1?hash="));
        var doc = JsonNode.Parse((await c.Send(HttpMethod.Get, url)).Body)!;
        var patch = doc["paths"]!["/api/v1/namespaces/{namespace}/pods/{name}"]!["patch"]!;
        Assert.That(patch["x-kubernetes-group-version-kind"]!.ToJsonString(), Is.EqualTo("""{"group":"","kind":"Pod","version":"v1"}"""));
        Assert.That(patch["parameters"]!.AsArray().Any(p => p!["name"]!.GetValue<string>() == "fieldValidation"));
        var pod = doc["components"]!["schemas"]!["io.k8s.api.core.v1.Pod"]!;
        Assert.That(pod["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "kind", "apiVersion", "metadata", "spec", "status" }));
    }
}
