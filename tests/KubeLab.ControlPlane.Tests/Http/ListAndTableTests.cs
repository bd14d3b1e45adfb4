using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Http;

public class ListAndTableTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private static async Task<ClusterClient> WithPods(params (string Name, string Ns, string App)[] pods)
    {
        var c = new ClusterClient();
        foreach (var ns in pods.Select(p => p.Ns).Distinct().Where(n => n != "default"))
            await c.Json(HttpMethod.Post, "/api/v1/namespaces", $$$"""{"metadata":{"name":"{{{ns}}}"}}""", expect: 201);
        foreach (var (name, ns, app) in pods)
            await c.Json(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods",
                $$$"""{"metadata":{"name":"{{{name}}}","labels":{"app":"{{{app}}}"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""", expect: 201);
        return c;
    }

    [Test]
    public async Task ListItemsHaveNoTypeMetaAndAreSortedByKey()
    {
        using var c = await WithPods(("b", "default", "web"), ("a", "default", "web"), ("z", "team", "db"));
        var (_, body, _) = await c.Send(HttpMethod.Get, "/api/v1/pods");
        var list = JsonNode.Parse(body)!;
        Assert.That(body, Does.StartWith("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""));
        var items = list["items"]!.AsArray();
        Assert.That(items.Select(i => $"{i!["metadata"]!["namespace"]}/{i["metadata"]!["name"]}"), Is.EqualTo(new[] { "default/a", "default/b", "team/z" }));
        Assert.That(items.All(i => i!["kind"] is null && i["apiVersion"] is null), "list items carry no TypeMeta on the wire");
    }

    [Test]
    public async Task LabelAndFieldSelectorsFilter()
    {
        using var c = await WithPods(("a", "default", "web"), ("b", "default", "db"), ("c", "default", "web"));
        var byLabel = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb");
        Assert.That(byLabel["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "a", "c" }));
        var notIn = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=app%20notin%20(web)");
        Assert.That(notIn["items"]!.AsArray(), Has.Count.EqualTo(1));
        var byName = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Db");
        Assert.That(byName["items"]!.AsArray().Single()!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("b"));
        var byPhase = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning");
        Assert.That(byPhase["items"]!.AsArray(), Is.Empty);

        var (status, body, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods?fieldSelector=spec.foo%3Dx");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body, Does.Contain("field label not supported: spec.foo"));
    }

    [Test]
    public async Task LimitAndContinuePageThroughEverything()
    {
        using var c = await WithPods(("a", "default", "x"), ("b", "default", "x"), ("c", "default", "x"));
        var first = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=2");
        Assert.That(first["items"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(first["metadata"]!["remainingItemCount"]!.GetValue<long>(), Is.EqualTo(1));
        var token = Uri.EscapeDataString(first["metadata"]!["continue"]!.GetValue<string>());
        var second = await c.Json(HttpMethod.Get, $"/api/v1/namespaces/default/pods?limit=2&continue={token}");
        Assert.That(second["items"]!.AsArray().Single()!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("c"));
        Assert.That(second["metadata"]!["continue"], Is.Null);
        Assert.That(second["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(first["metadata"]!["resourceVersion"]!.GetValue<string>()));
    }

    [Test]
    public async Task TableHasColumnsCellsAndPartialObjectMetadata()
    {
        using var c = await WithPods(("web-1", "default", "web"));
        var (_, body, response) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500", accept: TableAccept);
        Assert.That(response.Content.Headers.NonValidated["Content-Type"].ToString(), Is.EqualTo("application/json"));
        var table = JsonNode.Parse(body)!;
        Assert.That(table["kind"]!.GetValue<string>(), Is.EqualTo("Table"));
        Assert.That(table["columnDefinitions"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates" }));
        var row = table["rows"]![0]!;
        Assert.That(row["cells"]!.AsArray().Select(cell => cell!.GetValue<string>()),
            Is.EqualTo(new[] { "web-1", "0/1", "Pending", "0", "0s", "<none>", "<none>", "<none>", "<none>" }));
        Assert.That(body, Does.Contain("\"\\u003cnone\\u003e\""), "angle brackets are escaped as Go escapes them");
        Assert.That(row["object"]!["kind"]!.GetValue<string>(), Is.EqualTo("PartialObjectMetadata"));
        Assert.That(row["object"]!["metadata"]!["namespace"]!.GetValue<string>(), Is.EqualTo("default"));
    }

    [Test]
    public async Task EmptyTableHasAnEmptyRowsArray()
    {
        using var c = new ClusterClient();
        var (_, body, _) = await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods", accept: TableAccept);
        Assert.That(body, Does.Contain("\"rows\":[]"));
    }
}
