using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Patching;
using static KubeLab.ControlPlane.Tests.Patching.PatchTestJson;

namespace KubeLab.ControlPlane.Tests.Patching;

public class StrategicMergePatchTests
{
    private static string Smp(string patch, string field)
    {
        var result = Patch(PatchTypes.StrategicMergePatch, Pod(), patch);
        var node = result;
        foreach (var part in field.Split('.')) node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        return Compact(node);
    }

    [Test]
    public void The_kubectl_client_side_apply_patch_changes_only_the_image()
    {
        const string body = """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n"}},
             "spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.28","name":"nginx"}]}}
            """;
        var result = Patch(PatchTypes.StrategicMergePatch, Pod(), body);
        Assert.Multiple(() =>
        {
            Assert.That(Compact(result["spec"]!["containers"]), Is.EqualTo(
                """[{"name":"nginx","image":"nginx:1.28","ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]"""));
            Assert.That(result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.GetValue<string>(),
                Does.EndWith("\n"));
            Assert.That(Compact(result["metadata"]!["labels"]), Is.EqualTo("""{"app":"web","tier":"front"}"""));
        });
    }

    [Test]
    public void Maps_merge_and_null_deletes_a_key() =>
        Assert.That(Smp("""{"metadata":{"labels":{"tier":null,"env":"prod"}}}""", "metadata.labels"),
            Is.EqualTo("""{"app":"web","env":"prod"}"""));

    [Test]
    public void Keyed_list_items_merge_by_name_in_patch_order_before_live_only_items() =>
        Assert.That(Smp("""{"spec":{"containers":[{"name":"nginx","env":[{"name":"C","value":"3"},{"name":"A","value":"9"}]}]}}""", "spec.containers.0.env"),
            Is.EqualTo("""[{"name":"C","value":"3"},{"name":"A","value":"9"},{"name":"B","value":"2"}]"""));

    [Test]
    public void Without_an_order_directive_a_new_container_comes_before_the_live_ones() =>
        Assert.That(Smp("""{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}""", "spec.containers.0"),
            Is.EqualTo("""{"name":"sidecar","image":"busybox"}"""));

    [Test]
    public void With_an_order_directive_a_new_container_goes_where_it_says() =>
        Assert.That(Smp("""{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"}],"containers":[{"name":"sidecar","image":"busybox"}]}}""", "spec.containers.1.name"),
            Is.EqualTo("\"sidecar\""));

    [Test]
    public void Ports_merge_by_container_port() =>
        Assert.That(Smp("""{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443},{"containerPort":80,"name":"http"}]}]}}""", "spec.containers.0.ports"),
            Is.EqualTo("""[{"containerPort":443},{"containerPort":80,"name":"http"}]"""));

    [Test]
    public void A_container_is_deleted_with_the_delete_directive() =>
        Assert.That(Smp("""{"spec":{"containers":[{"name":"nginx","$patch":"delete"}]}}""", "spec.containers"), Is.EqualTo("[]"));

    [Test]
    public void Lists_without_a_merge_key_are_replaced() =>
        Assert.That(Smp("""{"spec":{"tolerations":[{"key":"y","operator":"Exists"}]}}""", "spec.tolerations"),
            Is.EqualTo("""[{"key":"y","operator":"Exists"}]"""));

    [Test]
    public void Finalizers_merge_as_a_set() =>
        Assert.That(Smp("""{"metadata":{"finalizers":["c","a"]}}""", "metadata.finalizers"), Is.EqualTo("""["c","a","b"]"""));

    [Test]
    public void Finalizers_are_removed_with_delete_from_primitive_list() =>
        Assert.That(Smp("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""", "metadata.finalizers"), Is.EqualTo("""["b"]"""));

    [Test]
    public void Retain_keys_switches_a_volume_source()
    {
        var current = Pod();
        current["spec"]!["volumes"] = JsonNode.Parse("""[{"name":"v","emptyDir":{}}]""");
        var result = Patch(PatchTypes.StrategicMergePatch, current,
            """{"spec":{"volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cfg"},"name":"v"}]}}""");
        Assert.That(Compact(result["spec"]!["volumes"]), Is.EqualTo("""[{"name":"v","configMap":{"name":"cfg"}}]"""));
    }

    [Test]
    public void Free_form_fields_merge_like_a_merge_patch()
    {
        var current = Pod();
        current["spec"]!["affinity"] = Obj("""{"nodeAffinity":{"a":1,"list":[1,2]}}""");
        var result = Patch(PatchTypes.StrategicMergePatch, current, """{"spec":{"affinity":{"nodeAffinity":{"a":null,"b":2,"list":[3]}}}}""");
        Assert.That(Compact(result["spec"]!["affinity"]), Is.EqualTo("""{"nodeAffinity":{"list":[3],"b":2}}"""));
    }

    [Test]
    public void Directives_in_a_new_value_are_dropped() =>
        Assert.That(Smp("""{"spec":{"nodeSelector":{"disk":"ssd","gone":null},"securityContext":{"$patch":"delete"}}}""", "spec.nodeSelector"),
            Is.EqualTo("""{"disk":"ssd"}"""));
}
