using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Patching;
using static KubeLab.ControlPlane.Tests.Patching.PatchTestJson;

namespace KubeLab.ControlPlane.Tests.Patching;

public class JsonPatchTests
{
    private static string Run(string document, string operations) =>
        Compact(JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(operations)!.AsArray()));

    private static string Failure(string document, string operations) =>
        Assert.Throws<PatchFailure>(() => JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(operations)!.AsArray()))!.Message;

    [TestCase("""[{"op":"add","path":"/b","value":2}]""", """{"a":[1,2],"b":2}""")]
    [TestCase("""[{"op":"add","path":"/a/-","value":3}]""", """{"a":[1,2,3]}""")]
    [TestCase("""[{"op":"add","path":"/a/0","value":0}]""", """{"a":[0,1,2]}""")]
    [TestCase("""[{"op":"add","path":"/a/-1","value":9}]""", """{"a":[1,2,9]}""")]
    [TestCase("""[{"op":"remove","path":"/a/0"}]""", """{"a":[2]}""")]
    [TestCase("""[{"op":"replace","path":"/a/1","value":5}]""", """{"a":[1,5]}""")]
    [TestCase("""[{"op":"replace","path":"/missing","value":5}]""", """{"a":[1,2],"missing":5}""")]
    [TestCase("""[{"op":"move","from":"/a","path":"/b"}]""", """{"b":[1,2]}""")]
    [TestCase("""[{"op":"copy","from":"/a/0","path":"/c"}]""", """{"a":[1,2],"c":1}""")]
    [TestCase("""[{"op":"test","path":"/a","value":[1,2]},{"op":"remove","path":"/a"}]""", """{}""")]
    [TestCase("""[{"op":"test","path":"/missing","value":null}]""", """{"a":[1,2]}""")]
    public void Operations_apply_in_order(string operations, string expected) =>
        Assert.That(Run("""{"a":[1,2]}""", operations), Is.EqualTo(expected));

    [Test]
    public void Pointer_escapes_decode_tilde_and_slash()
    {
        var result = Run("""{"metadata":{"annotations":{"a/b":"1","c~d":"2"}}}""",
            """[{"op":"replace","path":"/metadata/annotations/a~1b","value":"x"},{"op":"remove","path":"/metadata/annotations/c~0d"}]""");
        Assert.That(result, Is.EqualTo("""{"metadata":{"annotations":{"a/b":"x"}}}"""));
    }

    [TestCase("""[{"op":"test","path":"/a/0","value":7}]""", "testing value /a/0 failed: test failed")]
    [TestCase("""[{"op":"remove","path":"/nope"}]""", "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value")]
    [TestCase("""[{"op":"add","path":"/x/y","value":1}]""", "add operation does not apply: doc is missing path: \"/x/y\": missing value")]
    [TestCase("""[{"op":"add","path":"/a/5","value":1}]""", "error in add for path: '/a/5': Unable to access invalid index: 5: invalid index referenced")]
    [TestCase("""[{"op":"replace","path":"/a/2","value":1}]""", "replace operation does not apply: doc is missing key: /a/2: missing value")]
    [TestCase("""[{"op":"add","path":"","value":{}}]""", "add operation does not apply: doc is missing path: \"\": missing value")]
    [TestCase("""[{"op":"frobnicate","path":"/a"}]""", "Unexpected kind: frobnicate")]
    [TestCase("""[{"path":"/a"}]""", "Unexpected kind: unknown")]
    public void Failures_carry_the_library_text(string operations, string message) =>
        Assert.That(Failure("""{"a":[1,2]}""", operations), Is.EqualTo(message));

    [Test]
    public void A_failed_operation_is_a_generic_422()
    {
        var error = Fails(PatchTypes.JsonPatch, Pod(), """[{"op":"test","path":"/spec/restartPolicy","value":"Never"}]""");
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(422));
            Assert.That(error.Status.Reason, Is.EqualTo("Invalid"));
            Assert.That(error.Status.Message, Is.EqualTo("the server rejected our request due to an error in our request"));
            Assert.That(error.Status.Details, Is.Not.Null);
        });
    }

    [Test]
    public void Json_patch_changes_a_pod_image()
    {
        var result = Patch(PatchTypes.JsonPatch, Pod(), """[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.28"}]""");
        Assert.That(result["spec"]!["containers"]![0]!["image"]!.GetValue<string>(), Is.EqualTo("nginx:1.28"));
    }

    [Test]
    public void Unknown_operation_fields_are_strict_errors_not_failures()
    {
        var result = PatchApplier.Apply(PatchTypes.JsonPatch, Pod(), """[{"op":"add","path":"/metadata/labels/x","value":"1","extra":true}]"""u8, typeof(KubeLab.ControlPlane.Api.Core.Pod));
        Assert.That(result.StrictErrors, Is.EqualTo(new[] { "json patch unknown field \"[0].extra\"" }));
    }
}

public class JsonPatchOnTypedObjectTests
{
    [Test]
    public void Test_compares_numbers_of_a_serialized_object_by_value()
    {
        var pod = new KubeLab.ControlPlane.Api.Core.Pod();
        pod.Spec.Containers = [new KubeLab.ControlPlane.Api.Core.Container { Name = "c", Ports = [new() { Number = 80 }] }];
        var live = System.Text.Json.JsonSerializer.SerializeToNode(pod, KubeLab.ControlPlane.Serialization.KubeJson.Options)!;
        var ops = JsonNode.Parse("""[{"op":"test","path":"/spec/containers/0/ports/0/containerPort","value":80}]""")!.AsArray();
        Assert.DoesNotThrow(() => JsonPatch.Apply(live, ops));
    }
}
