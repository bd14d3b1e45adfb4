using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Serialization.Protobuf;
using KubeLab.Site.Exchanges;

namespace KubeLab.Site.Tests.Views;

public class BodyViewsTests
{
    [Test]
    public async Task AProtobufBodyIsItsHexDumpBesideTheObjectItDecodesTo()
    {
        using var cluster = new TestCluster();
        var bytes = ProtobufBody.Encode(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "rodrigo" } },
            typeof(Namespace));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        (await cluster.Admin.PostAsync("/api/v1/namespaces", content)).EnsureSuccessStatusCode();

        var view = ExchangeView.From(cluster.LastExchange, ResourceCatalog.Default);
        var body = view.Request.Body as ProtobufContent;
        Assert.That(body, Is.Not.Null, $"a {view.Request.Body.GetType().Name}");
        // The k8s\0 magic, then runtime.Unknown.
        Assert.That(body!.Hex, Does.StartWith("00000000  6b 38 73 00"));
        Assert.That(body.Bytes, Is.EqualTo(bytes.Length));
        Assert.That(body.Type, Is.EqualTo("v1 Namespace"));
        var metadata = body.Decoded!.Tree!.Children.Single(c => c.Name == "metadata");
        Assert.That(metadata.Children.Single(c => c.Name == "name").Literal, Is.EqualTo("\"rodrigo\""));
    }

    [Test]
    public async Task JsonIsATreeWhoseKeysAndValuesStayText()
    {
        using var cluster = new TestCluster();
        var pod = """{"metadata":{"name":"hostile","annotations":{"note":"<img src=x onerror=alert(1)>"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""";
        (await cluster.Admin.PostAsync("/api/v1/namespaces/default/pods", new StringContent(pod, null, "application/json"))).EnsureSuccessStatusCode();

        var view = ExchangeView.From(cluster.LastExchange, ResourceCatalog.Default);
        var tree = ((JsonContent)view.Response!.Body).Tree!;
        Assert.That(tree.Open, Is.True);
        var metadata = tree.Children.Single(c => c.Name == "metadata");
        Assert.That(metadata.Open, Is.True);
        Assert.That(metadata.Children.Single(c => c.Name == "managedFields").Open, Is.False, "managedFields start folded");
        var note = metadata.Children.Single(c => c.Name == "annotations").Children.Single();
        // The server writes < as \u003c (Go's JSON); the view shows the character itself, for the page to escape.
        Assert.That(note.Literal, Is.EqualTo("\"<img src=x onerror=alert(1)>\""));
        Assert.That(view.Response.Headers.Select(h => h.Name), Does.Contain("Content-Length"));
        Assert.That(view.Request.StartLine, Is.EqualTo("POST /api/v1/namespaces/default/pods HTTP/1.1"));
    }

    [Test]
    public void ADocumentTooBigToFoldIsLeftAsText()
    {
        var big = new JsonArray(Enumerable.Range(0, JsonTree.MaxNodes + 1).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        Assert.That(JsonTree.Build(big), Is.Null);
        var small = JsonNode.Parse("""{"a":[1,2],"b":{"c":{"d":true}}}""");
        var tree = JsonTree.Build(small)!;
        Assert.That(tree.Children.Select(c => (c.Name, c.Kind, c.Literal, c.Open)), Is.EqualTo(new[]
        {
            ("a", JsonValueKind.Array, "2 items", true),
            ("b", JsonValueKind.Object, "1 key", true),
        }));
        Assert.That(tree.Children[1].Children[0].Open, Is.False, "the third level starts folded");
    }
}
