using System.Text.Json.Nodes;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Tests.Model;

public class ObjectPathTests
{
    private static readonly JsonNode Namespace = JsonNode.Parse("""
        {"metadata":{"name":"rodrigo","labels":{"kubernetes.io/metadata.name":"rodrigo"},"finalizers":null},
         "spec":{"finalizers":["kubernetes"]},
         "status":{"phase":"Terminating","conditions":[
           {"type":"NamespaceDeletionDiscoveryFailure","status":"False"},
           {"type":"NamespaceContentRemaining","status":"True","message":"Some resources are remaining: configmaps. has 1 resource instances"}]}}
        """)!;

    [TestCase("status.phase", "Terminating")]
    [TestCase("spec.finalizers[0]", "kubernetes")]
    [TestCase("spec.finalizers", "[\"kubernetes\"]")]
    [TestCase("status.conditions[type=NamespaceContentRemaining].status", "True")]
    [TestCase("status.conditions[type='NamespaceContentRemaining'].status", "True")]
    [TestCase("metadata.labels['kubernetes.io/metadata.name']", "rodrigo")]
    [TestCase("metadata.finalizers", "null")]
    public void FindsValues(string path, string expected)
    {
        var parsed = ObjectPathParser.Parse(path, out var error);
        Assert.That(error, Is.Null);
        Assert.That(parsed!.TryFind(Namespace, out var value), Is.True);
        Assert.That(ObjectPath.AsText(value), Is.EqualTo(expected));
    }

    [TestCase("status.reason")]
    [TestCase("spec.finalizers[1]")]
    [TestCase("status.conditions[type=Ready].status")]
    [TestCase("status.phase.length")]
    public void MissingValuesAreNotFound(string path) =>
        Assert.That(ObjectPathParser.Parse(path, out _)!.TryFind(Namespace, out _), Is.False);

    [TestCase("", 0, "the path is empty")]
    [TestCase(".status", 0, "write paths without jsonpath's '.': e.g. 'status.phase'")]
    [TestCase("{.status}", 0, "write paths without jsonpath's '{': e.g. 'status.phase'")]
    [TestCase("status..phase", 7, "expected a field name at '.'")]
    [TestCase("status.", 7, "expected a field name after '.'")]
    [TestCase("spec.finalizers[0", 15, "'[' is not closed by ']'")]
    [TestCase("spec.finalizers[-1]", 16, "'[-1]' is not an index, a quoted key or a field=value selector")]
    [TestCase("status phase", 6, "expected '.' or '[' at ' '")]
    public void SyntaxErrorsNameTheirOffset(string path, int offset, string message)
    {
        Assert.That(ObjectPathParser.Parse(path, out var error), Is.Null);
        Assert.That(error, Is.EqualTo(new PathSyntaxError(offset, message)));
    }
}
