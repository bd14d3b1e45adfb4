using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Serialization.Protobuf;

namespace KubeLab.ControlPlane.Tests.Protobuf;

/// <summary>Field kinds and zero-value rules, on bodies built field by field.</summary>
public class ProtobufDecodingTests
{
    private const long NewYear2025 = 1735689600;

    [Test]
    public void Negative_int32_arrives_as_a_ten_byte_varint()
    {
        var body = ProtoTestWriter.Body("apps/v1", "Deployment", d => d.Message(2, spec => spec.Int32(1, -1)));

        Assert.That(new ProtoTestWriter().Int32(1, -1).ToArray(), Has.Length.EqualTo(11), "key + 10-byte varint");
        Assert.That(Decode<Deployment>(body)["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(-1));
    }

    [Test]
    public void Repeated_varints_decode_packed_and_unpacked()
    {
        var body = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec.Message(14, security => security
            .Packed(4, 1000, 2000)
            .Int64(4, 3000)
            .Int64(2, 1000)
            .Bool(3, false))));

        var securityContext = Decode<Pod>(body)["spec"]!["securityContext"]!;

        Assert.That(securityContext.ToJsonString(), Is.EqualTo("""{"supplementalGroups":[1000,2000,3000],"runAsUser":1000,"runAsNonRoot":false}"""));
    }

    [Test]
    public void An_empty_packed_list_is_no_list()
    {
        var body = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec.Message(14, security => security.Packed(4))));

        Assert.That(Decode<Pod>(body)["spec"]!["securityContext"]!.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public void Zero_values_are_kept_only_for_go_pointers()
    {
        var body = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec
            .Bool(11, false)          // hostNetwork: bool, omitempty
            .Bool(21, false)          // automountServiceAccountToken: *bool
            .String(8, "")            // serviceAccountName: string, omitempty
            .String(29, "")           // runtimeClassName: *string
            .Int64(4, 0)));           // terminationGracePeriodSeconds: *int64

        var spec = Decode<Pod>(body)["spec"]!.AsObject();

        Assert.That(spec.ToJsonString(), Is.EqualTo("""{"automountServiceAccountToken":false,"runtimeClassName":"","terminationGracePeriodSeconds":0}"""));
    }

    [Test]
    public void Times_are_rfc3339_and_micro_times_keep_microseconds()
    {
        var body = ProtoTestWriter.Body("v1", "Event", e => e
            .Message(1, meta => meta
                .Message(8, _ => { })                                                // zero Time
                .Message(9, t => t.Int64(1, NewYear2025).Int32(2, 999_999_999)))     // Time drops nanos
            .Message(6, t => t.Int64(1, 0))                                          // the Unix epoch is not zero
            .Message(10, t => t.Int64(1, NewYear2025).Int32(2, 123_456_789)));       // MicroTime

        var decoded = Decode<Event>(body);

        Assert.That(decoded["metadata"]!.ToJsonString(), Is.EqualTo("""{"creationTimestamp":null,"deletionTimestamp":"2025-01-01T00:00:00Z"}"""));
        Assert.That(decoded["firstTimestamp"]!.GetValue<string>(), Is.EqualTo("1970-01-01T00:00:00Z"));
        Assert.That(decoded["eventTime"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:00.123456Z"));
        var typed = decoded.Deserialize<Event>(KubeJson.Options)!;
        Assert.That(typed.EventTime, Is.EqualTo(DateTimeOffset.UnixEpoch.AddSeconds(NewYear2025).AddTicks(1_234_560)));
    }

    [Test]
    public void Int_or_string_and_quantities()
    {
        var body = ProtoTestWriter.Body("apps/v1", "Deployment", d => d.Message(2, spec => spec
            .Message(4, strategy => strategy.String(1, "RollingUpdate").Message(2, rolling => rolling
                .Message(1, v => v.Int64(1, 0).Int32(2, 0).String(3, ""))
                .Message(2, v => v.Int64(1, 1).Int32(2, 0).String(3, "25%"))))
            .Message(3, template => template.Message(2, pod => pod.Message(2, c => c
                .String(1, "app")
                .Message(8, resources => resources
                    .Message(1, e => e.String(1, "cpu").Message(2, q => q.String(1, "500m")))
                    .Message(2, e => e.String(1, "memory").Message(2, _ => { }))))))));

        var spec = Decode<Deployment>(body)["spec"]!;

        Assert.That(spec["strategy"]!.ToJsonString(), Is.EqualTo("""{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"25%"}}"""));
        Assert.That(spec["template"]!["spec"]!["containers"]![0]!["resources"]!.ToJsonString(), Is.EqualTo("""{"limits":{"cpu":"500m"},"requests":{"memory":"0"}}"""));
    }

    [Test]
    public void Volume_source_is_inlined_in_the_volume()
    {
        var body = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec.Message(1, volume => volume
            .String(1, "config")
            .Message(2, source => source.Message(19, configMap => configMap
                .Message(1, reference => reference.String(1, "app-config"))
                .Int32(3, 420))))));

        var decoded = Decode<Pod>(body);
        var volume = decoded.Deserialize<Pod>(KubeJson.Options)!.Spec.Volumes!.Single();

        Assert.That(decoded["spec"]!["volumes"]!.ToJsonString(), Is.EqualTo("""[{"name":"config","configMap":{"name":"app-config","defaultMode":420}}]"""));
        Assert.That(volume.Source!["configMap"].GetProperty("name").GetString(), Is.EqualTo("app-config"));
    }

    [Test]
    public void Env_value_from_uses_the_explicit_tables()
    {
        var body = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec.Message(2, c => c
            .String(1, "app")
            .Message(7, env => env.String(1, "POD").String(2, "").Message(3, from => from
                .Message(1, field => field.String(1, "v1").String(2, "metadata.name")))))));

        var env = Decode<Pod>(body)["spec"]!["containers"]![0]!["env"]!;

        Assert.That(env.ToJsonString(), Is.EqualTo("""[{"name":"POD","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}}]"""));
    }

    [Test]
    public void A_message_without_a_field_table_is_accepted_only_when_empty()
    {
        var empty = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec.Message(18, _ => { })));
        var filled = ProtoTestWriter.Body("v1", "Pod", pod => pod.Message(2, spec => spec.Message(18, affinity => affinity.Message(1, _ => { }))));

        Assert.That(Decode<Pod>(empty)["spec"]!["affinity"]!.ToJsonString(), Is.EqualTo("{}"));
        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(filled, typeof(Pod)))!;
        Assert.That(error.Path, Is.EqualTo("spec.affinity"));
        Assert.That(error.Message, Does.Contain("Affinity").And.Contain("send this object as JSON"));
    }

    [Test]
    public void Unknown_fields_are_skipped_and_reported()
    {
        var body = ProtoTestWriter.Body("v1", "Namespace", ns => ns
            .Message(1, meta => meta.String(1, "x").Varint(99, 7).Fixed32(98, 1).Fixed64(97, 2))
            .Message(2, spec => spec.String(1, "kubernetes").Message(50, _ => { })));

        var decoded = ProtobufBody.Decode(body, typeof(Namespace));

        Assert.That(decoded.Object.ToJsonString(), Is.EqualTo("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x"},"spec":{"finalizers":["kubernetes"]}}"""));
        Assert.That(decoded.UnknownFields, Is.EqualTo(new[]
        {
            "metadata: unknown field 99 (varint (0)) in ObjectMeta",
            "metadata: unknown field 98 (32-bit (5)) in ObjectMeta",
            "metadata: unknown field 97 (64-bit (1)) in ObjectMeta",
            "spec: unknown field 50 (length-delimited (2)) in NamespaceSpec",
        }));
    }

    [Test]
    public void Replica_set_conditions_use_their_own_numbering()
    {
        Action<ProtoTestWriter> at = t => t.Int64(1, NewYear2025);
        var deployment = ProtoTestWriter.Body("apps/v1", "Deployment", d => d.Message(3, s => s.Message(6, c => c.String(1, "Available").Message(7, at))));
        var replicaSet = ProtoTestWriter.Body("apps/v1", "ReplicaSet", r => r.Message(3, s => s.Message(6, c => c.String(1, "ReplicaFailure").Message(3, at))));

        Assert.That(Decode<Deployment>(deployment)["status"]!["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:00Z"));
        Assert.That(Decode<ReplicaSet>(replicaSet)["status"]!["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>(), Is.EqualTo("2025-01-01T00:00:00Z"));
    }

    [Test]
    public void Map_entries_without_a_value_hold_the_zero_value_and_fields_v1_is_json()
    {
        var body = ProtoTestWriter.Body("v1", "ConfigMap", cm => cm
            .Message(1, meta => meta
                .Message(11, entry => entry.String(1, "tier"))
                .Message(17, managed => managed.String(1, "kubectl").Message(7, fields => fields.Bytes(1, """{"f:data":{}}"""u8.ToArray()))))
            .Message(2, entry => entry.String(1, "k")));

        var decoded = Decode<ConfigMap>(body);

        Assert.That(decoded["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"tier":""}"""));
        Assert.That(decoded["metadata"]!["managedFields"]!.ToJsonString(), Is.EqualTo("""[{"manager":"kubectl","fieldsV1":{"f:data":{}}}]"""));
        Assert.That(decoded["data"]!.ToJsonString(), Is.EqualTo("""{"k":""}"""));
    }

    [Test]
    public void Every_model_type_has_a_complete_field_table()
    {
        var kinds = typeof(KubeObject).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(KubeObject)) && !t.IsAbstract)
            .Concat([typeof(Status), typeof(DeleteOptions), typeof(KubeList<Pod>), typeof(PartialObjectMetadata)])
            .ToList();
        var seen = new HashSet<ProtoMessage>();

        foreach (var kind in kinds) Walk(ProtoSchema.For(kind), seen);

        Assert.That(kinds, Has.Count.GreaterThan(5));
        Assert.That(seen.Select(m => m.Name), Does.Contain("PodSecurityContext").And.Contain("DeploymentCondition").And.Contain("ReplicaSetCondition").And.Contain("StatusDetails"));
    }

    private static void Walk(ProtoMessage message, HashSet<ProtoMessage> seen)
    {
        if (!seen.Add(message)) return;
        foreach (var field in message.Fields.Values)
            if (field.Message?.Message is { } child) Walk(child, seen);
    }

    private static JsonObject Decode<T>(byte[] body)
    {
        var decoded = ProtobufBody.Decode(body, typeof(T));
        Assert.That(decoded.UnknownFields, Is.Empty);
        return decoded.Object;
    }
}
