using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Serialization.Protobuf;
using KubeLab.ControlPlane.Tests.Protobuf;

namespace KubeLab.ControlPlane.Tests.Serialization;

/// <summary>
/// A real API server writes every Go map with sorted keys (encoding/json and gogo-protobuf both sort them), whatever
/// order the client sent: labels, annotations and data sent as z, a, m come back as a, m, z.
/// </summary>
public class MapKeyOrderTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private const string Unsorted =
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","labels":{"z":"1","a":"2","m":"3"},"annotations":{"z":"1","a":"2","m":"3"}},"data":{"z":"1","a":"2","m":"3"},"binaryData":{"z":"AQ==","a":"Ag==","m":"Aw=="}}""";

    [Test]
    public async Task Maps_sent_unsorted_in_json_come_back_sorted_from_create_get_and_list()
    {
        using var c = new ClusterClient();
        var (status, created, response) = await c.Send(HttpMethod.Post, $"{ConfigMaps}?fieldManager=test", Unsorted);
        Assert.That(status, Is.EqualTo(201), created);

        var fetched = await c.Json(HttpMethod.Get, $"{ConfigMaps}/cfg");
        var listed = (await c.Json(HttpMethod.Get, ConfigMaps))["items"]!.AsArray().Single(i => i!["metadata"]!["name"]!.GetValue<string>() == "cfg")!;
        foreach (var body in new[] { JsonNode.Parse(created)!, fetched, listed })
        {
            Assert.That(body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"a":"2","m":"3","z":"1"}"""));
            Assert.That(body["metadata"]!["annotations"]!.ToJsonString(), Is.EqualTo("""{"a":"2","m":"3","z":"1"}"""));
            Assert.That(body["data"]!.ToJsonString(), Is.EqualTo("""{"a":"2","m":"3","z":"1"}"""));
            Assert.That(body["binaryData"]!.ToJsonString(), Is.EqualTo("""{"a":"Ag==","m":"Aw==","z":"AQ=="}"""));
        }
        Assert.That(Encoding.UTF8.GetString(c.TraceOf(response).RequestBody), Is.EqualTo(Unsorted), "the request is recorded as the client sent it");
    }

    [Test]
    public async Task Managed_fields_are_written_as_structured_merge_diff_serializes_a_set()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, $"{ConfigMaps}?fieldManager=test", Unsorted, expect: 201);

        // fieldpath.Set.ToJSON: "." first, then the elements in order (fields by name), so f:binaryData before f:data
        // before f:metadata and the map keys a, m, z.
        Assert.That(created["metadata"]!["managedFields"]![0]!["fieldsV1"]!.ToJsonString(), Is.EqualTo(
            """{"f:binaryData":{".":{},"f:a":{},"f:m":{},"f:z":{}},"f:data":{".":{},"f:a":{},"f:m":{},"f:z":{}},"f:metadata":{"f:annotations":{".":{},"f:a":{},"f:m":{},"f:z":{}},"f:labels":{".":{},"f:a":{},"f:m":{},"f:z":{}}}}"""));
    }

    [Test]
    public async Task Map_entries_sent_unsorted_in_protobuf_come_back_sorted()
    {
        using var c = new ClusterClient();
        var body = new ProtoTestWriter()
            .Raw(ProtobufEnvelope.Magic.ToArray())
            .Message(1, t => t.String(1, "v1").String(2, "ConfigMap"))
            .Message(2, cm => cm
                .Message(1, m => m.String(1, "cfg").Entry(11, "z", "1").Entry(11, "a", "2").Entry(11, "m", "3"))
                .Entry(2, "z", "1").Entry(2, "a", "2").Entry(2, "m", "3"))
            .String(3, "").String(4, "")
            .ToArray();
        var (status, text, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, ConfigMaps, contentType: ProtobufEnvelope.MediaType, bytes: body);
        Assert.That(status, Is.EqualTo(201), text);

        var fetched = await c.Json(HttpMethod.Get, $"{ConfigMaps}/cfg");
        Assert.That(fetched["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"a":"2","m":"3","z":"1"}"""));
        Assert.That(fetched["data"]!.ToJsonString(), Is.EqualTo("""{"a":"2","m":"3","z":"1"}"""));
    }

    [Test]
    public void Protobuf_writes_map_entries_sorted_whatever_the_dictionary_order()
    {
        var map = new ConfigMap
        {
            Kind = "ConfigMap",
            ApiVersion = "v1",
            Metadata = new ObjectMeta { Name = "cfg", Labels = new() { ["z"] = "1", ["a"] = "2", ["m"] = "3" } },
            Data = new() { ["z"] = "1", ["a"] = "2", ["m"] = "3" },
        };

        var encoded = ProtobufBody.Encode(JsonNode.Parse(KubeJson.Serialize(map))!.AsObject(), typeof(ConfigMap));

        var expected = new ProtoTestWriter()
            .Raw(ProtobufEnvelope.Magic.ToArray())
            .Message(1, t => t.String(1, "v1").String(2, "ConfigMap"))
            .Message(2, cm => cm
                .Message(1, m => m.String(1, "cfg").String(2, "").String(3, "").String(4, "").String(5, "").String(6, "").Varint(7, 0)
                    .Message(8, _ => { }).Entry(11, "a", "2").Entry(11, "m", "3").Entry(11, "z", "1"))
                .Entry(2, "a", "2").Entry(2, "m", "3").Entry(2, "z", "1"))
            .String(3, "").String(4, "")
            .ToArray();
        Assert.That(Convert.ToHexStringLower(encoded), Is.EqualTo(Convert.ToHexStringLower(expected)));
    }

    [Test]
    public void Every_map_typed_field_is_written_sorted()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p" },
            Spec = new PodSpec
            {
                NodeSelector = new() { ["zone"] = "a", ["disk"] = "ssd" },
                Containers =
                [
                    new Container
                    {
                        Name = "c",
                        Resources = new ResourceRequirements { Limits = new() { ["memory"] = new("64Mi"), ["cpu"] = new("1") } },
                    },
                ],
            },
        };

        var json = JsonNode.Parse(KubeJson.Serialize(pod))!["spec"]!;

        Assert.That(json["nodeSelector"]!.ToJsonString(), Is.EqualTo("""{"disk":"ssd","zone":"a"}"""));
        Assert.That(json["containers"]![0]!["resources"]!["limits"]!.ToJsonString(), Is.EqualTo("""{"cpu":"1","memory":"64Mi"}"""));
        Assert.That(pod.Spec.NodeSelector.Keys, Is.EqualTo(new[] { "zone", "disk" }), "the object itself is left as it was");
    }

    [Test]
    public void Keys_are_ordered_as_go_compares_strings_byte_by_byte()
    {
        // UTF-8 puts U+1F600 (four bytes, F0…) after U+FFFD (three bytes, EF…); UTF-16 code units would not.
        string[] keys = ["b", "\U0001F600", "\uFFFD", "B", "a"];

        Assert.That(keys.Order(GoStringOrder.Instance), Is.EqualTo(new[] { "B", "a", "b", "\uFFFD", "\U0001F600" }));
    }
}
