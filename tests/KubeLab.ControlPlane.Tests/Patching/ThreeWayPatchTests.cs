using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Patching;

namespace KubeLab.ControlPlane.Tests.Patching;

/// <summary>The patches kubectl apply computes (apimachinery's CreateThreeWayMergePatch), for the usual edits.</summary>
public class ThreeWayPatchTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    // Key order does not matter here: kubectl marshals the patch map with sorted keys.
    private static JsonNode Patch(string? original, string modified, string current, Type type) =>
        StrategicMergePatch.CreateThreeWay(original is null ? null : Json(original), Json(modified), Json(current), type);

    private static NUnit.Framework.Constraints.Constraint Same(string json) =>
        Is.EqualTo(JsonNode.Parse(json)).Using<JsonNode>((a, b) => JsonNode.DeepEquals(a, b));

    [Test]
    public void Nothing_changed_is_an_empty_patch() =>
        Assert.That(Patch("""{"data":{"a":"1"}}""", """{"data":{"a":"1"}}""", """{"data":{"a":"1"},"metadata":{"uid":"x"}}""", typeof(ConfigMap)), Same("{}"));

    [Test]
    public void A_key_dropped_from_the_file_is_deleted_and_a_new_one_added() =>
        Assert.That(Patch("""{"data":{"a":"1","b":"2"}}""", """{"data":{"a":"1","c":"3"}}""", """{"data":{"a":"1","b":"2","x":"server"}}""", typeof(ConfigMap)),
            Same("""{"data":{"b":null,"c":"3"}}"""));

    [Test]
    public void A_container_image_change_merges_by_name_with_the_element_order()
    {
        const string before = """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}""";
        const string after = """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}""";
        Assert.That(Patch(before, after, before, typeof(Deployment)),
            Same("""{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.28","name":"nginx"}]}}}}"""));
    }

    [Test]
    public void A_removed_container_is_a_delete_directive()
    {
        const string before = """{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""";
        const string after = """{"spec":{"containers":[{"name":"a","image":"x"}]}}""";
        Assert.That(Patch(before, after, before, typeof(Pod)),
            Same("""{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}"""));
    }

    [Test]
    public void A_list_without_merge_key_is_replaced() =>
        Assert.That(Patch("""{"spec":{"containers":[{"name":"a","args":["x"]}]}}""", """{"spec":{"containers":[{"name":"a","args":["y"]}]}}""",
                """{"spec":{"containers":[{"name":"a","args":["x"]}]}}""", typeof(Pod)),
            Same("""{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"args":["y"],"name":"a"}]}}"""));
}
