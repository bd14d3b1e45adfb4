using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Serialization;
using static KubeLab.ControlPlane.Tests.Patching.PatchTestJson;

namespace KubeLab.ControlPlane.Tests.Patching;

public class ServerSideApplyTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private const string Config = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"nginx","image":"IMAGE"}]}}
        """;

    /// <summary>A pod created by kubectl apply (client side): its manager owns every field it set.</summary>
    private static JsonObject LivePod()
    {
        var pod = new Pod { Kind = "Pod", ApiVersion = "v1" };
        pod.Metadata.Name = "web";
        pod.Metadata.Namespace = "default";
        pod.Metadata.Uid = "0b8c6f1e";
        pod.Metadata.Labels = new() { ["app"] = "web" };
        pod.Spec.Containers = [new Container { Name = "nginx", Image = "nginx:1.27" }];
        ManagedFields.Record(pod, "kubectl-client-side-apply", "Update", "v1", Created, subresource: null);
        return JsonSerializer.SerializeToNode(pod, KubeJson.Options)!.AsObject();
    }

    private static JsonObject Apply(JsonObject? live, string config, bool force = false, string manager = "kubectl") =>
        PatchApplier.Apply(PatchTypes.ApplyYaml, live, Encoding.UTF8.GetBytes(config), typeof(Pod),
            new PatchOptions { FieldManager = manager, Force = force, Now = Now }).Object.AsObject();

    private static ApiException ApplyFails(JsonObject? live, string config) =>
        Assert.Throws<ApiException>(() => Apply(live, config))!;

    private static JsonNode? Entry(JsonObject obj, string manager) =>
        obj["metadata"]!["managedFields"]!.AsArray().FirstOrDefault(e => e!["manager"]!.GetValue<string>() == manager);

    [Test]
    public void Creating_records_an_apply_entry_with_the_configured_fields_only()
    {
        var result = Apply(null, Config.Replace("IMAGE", "nginx:1.28"));
        Assert.That(Compact(result["metadata"]!["managedFields"]), Is.EqualTo(
            """[{"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}]"""));
    }

    [Test]
    public void Changing_a_field_another_manager_owns_is_a_conflict()
    {
        var error = ApplyFails(LivePod(), Config.Replace("IMAGE", "nginx:1.28"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(409));
            Assert.That(error.Status.Reason, Is.EqualTo("Conflict"));
            Assert.That(error.Status.Message, Is.EqualTo(
                "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .spec.containers[name=\"nginx\"].image"));
            var cause = error.Status.Details!.Causes!.Single();
            Assert.That((cause.Reason, cause.Message, cause.Field), Is.EqualTo(
                ("FieldManagerConflict", "conflict with \"kubectl-client-side-apply\" using v1", ".spec.containers[name=\"nginx\"].image")));
            Assert.That(error.Status.Details.Name, Is.Null);
        });
    }

    [Test]
    public void Applying_the_same_value_shares_the_field()
    {
        var result = Apply(LivePod(), Config.Replace("IMAGE", "nginx:1.27"));
        Assert.Multiple(() =>
        {
            Assert.That(Compact(Entry(result, "kubectl-client-side-apply")!["fieldsV1"]), Does.Contain("\"f:image\""));
            Assert.That(Compact(Entry(result, "kubectl")!["fieldsV1"]), Does.Contain("\"f:image\""));
            Assert.That(Entry(result, "kubectl")!["time"], Is.Null, "nothing changed, so the applier's time is not set");
        });
    }

    [Test]
    public void Forcing_takes_the_field_from_the_other_manager()
    {
        var result = Apply(LivePod(), Config.Replace("IMAGE", "nginx:1.28"), force: true);
        Assert.Multiple(() =>
        {
            Assert.That(result["spec"]!["containers"]![0]!["image"]!.GetValue<string>(), Is.EqualTo("nginx:1.28"));
            Assert.That(Compact(Entry(result, "kubectl-client-side-apply")!["fieldsV1"]), Does.Not.Contain("\"f:image\""));
            Assert.That(Entry(result, "kubectl")!["time"]!.GetValue<string>(), Is.EqualTo("2025-01-02T03:04:05Z"));
            Assert.That(result["metadata"]!["managedFields"]![0]!["operation"]!.GetValue<string>(), Is.EqualTo("Apply"), "Apply entries sort first");
        });
    }

    [Test]
    public void Kubectl_takes_over_fields_that_still_match_the_client_side_last_applied_configuration()
    {
        var live = LivePod();
        live["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] =
            """{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}""" + "\n" };
        var result = Apply(live, Config.Replace("IMAGE", "nginx:1.28"));
        Assert.Multiple(() =>
        {
            Assert.That(result["spec"]!["containers"]![0]!["image"]!.GetValue<string>(), Is.EqualTo("nginx:1.28"));
            Assert.That(Compact(Entry(result, "kubectl-client-side-apply")!["fieldsV1"]), Does.Not.Contain("\"f:image\""));
        });
        Assert.Throws<ApiException>(() => Apply(live, Config.Replace("IMAGE", "nginx:1.28"), manager: "other"), "only the kubectl manager upgrades");
    }

    [Test]
    public void A_field_changed_since_the_last_client_side_apply_still_conflicts()
    {
        var live = LivePod();
        live["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] =
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx"}]}}""" };
        Assert.That(ApplyFails(live, Config.Replace("IMAGE", "nginx:1.28")).Code, Is.EqualTo(409));
    }

    [Test]
    public void Several_conflicts_are_listed_per_manager()
    {
        var config = Config.Replace("IMAGE", "nginx:1.28").Replace("\"app\":\"web\"", "\"app\":\"api\"");
        var error = ApplyFails(LivePod(), config);
        Assert.That(error.Status.Message, Is.EqualTo(
            "Apply failed with 2 conflicts: conflicts with \"kubectl-client-side-apply\" using v1:\n- .metadata.labels.app\n- .spec.containers[name=\"nginx\"].image"));
    }

    [Test]
    public void A_field_no_longer_applied_is_removed_when_nobody_else_owns_it()
    {
        var withTier = Apply(null, Config.Replace("IMAGE", "nginx").Replace("\"app\":\"web\"", "\"app\":\"web\",\"tier\":\"front\""));
        var result = Apply(withTier, Config.Replace("IMAGE", "nginx"));
        Assert.That(Compact(result["metadata"]!["labels"]), Is.EqualTo("""{"app":"web"}"""));
    }

    [Test]
    public void A_field_no_longer_applied_stays_when_another_manager_owns_it()
    {
        var live = LivePod();
        var shared = Apply(live, Config.Replace("IMAGE", "nginx:1.27"));
        var result = Apply(shared, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(Compact(result["metadata"]!["labels"]), Is.EqualTo("""{"app":"web"}"""));
            Assert.That(Entry(result, "kubectl"), Is.Null, "an applier that owns nothing has no entry");
        });
    }

    [Test]
    public void Keyed_lists_merge_with_the_configured_order_first()
    {
        var live = Apply(null, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", manager: "other");
        var result = Apply(live, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"c"},{"name":"a","image":"x"}]}}""");
        Assert.That(Compact(result["spec"]!["containers"]), Is.EqualTo("""[{"name":"c"},{"name":"a","image":"x"},{"name":"b"}]"""));
    }

    [Test]
    public void Yaml_configurations_are_accepted()
    {
        var result = Apply(null, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n");
        Assert.That(result["spec"]!["containers"]![0]!["image"]!.GetValue<string>(), Is.EqualTo("nginx"));
    }

    [TestCase("""{"apiVersion":"apps/v1","kind":"Pod","metadata":{"name":"web"}}""", 400,
        "Incorrect version specified in apply patch. Specified patch version: apps/v1, expected: v1")]
    [TestCase("""{"kind":"Pod","metadata":{"name":"web"}}""", 400,
        "Incorrect version specified in apply patch. Specified patch version: , expected: v1")]
    [TestCase("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","managedFields":[]}}""", 400, "metadata.managedFields must be nil")]
    [TestCase("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default"},"spec":{"foo":1}}""", 400,
        "failed to create typed patch object (default/web; /v1, Kind=Pod): .spec.foo: field not declared in schema")]
    [TestCase("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"image":"x"}]}}""", 400,
        "failed to create typed patch object (/web; /v1, Kind=Pod): .spec.containers: element 0: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)")]
    [TestCase("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"a"},{"name":"a"}]}}""", 400,
        "failed to create typed patch object (/web; /v1, Kind=Pod): .spec.containers: duplicate entries for key [name=\"a\"]")]
    [TestCase("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","finalizers":[{"a":1}]}}""", 400,
        "failed to create typed patch object (/web; /v1, Kind=Pod): .metadata.finalizers: element 0: associative list without keys has an element that's a map type")]
    [TestCase("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"}}""", 400,
        "failed to create typed patch object (/web; /v1, Kind=Service): no corresponding type for /v1, Kind=Service")]
    public void Bad_configurations_fail_as_the_field_manager_words_them_but_as_client_errors(string config, int code, string message)
    {
        var error = ApplyFails(LivePod(), config);
        Assert.That((error.Code, error.Status.Message), Is.EqualTo((code, message)));
    }
}
