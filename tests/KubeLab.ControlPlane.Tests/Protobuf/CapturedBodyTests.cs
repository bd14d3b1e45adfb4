using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Serialization.Protobuf;
using static KubeLab.ControlPlane.Tests.Protobuf.CapturedBodies;

namespace KubeLab.ControlPlane.Tests.Protobuf;

/// <summary>
/// Real kubectl protobuf bodies decode to exactly the JSON the same command prints with
/// <c>--dry-run=client -o json</c> (the Go object marshalled as JSON).
/// </summary>
public class CapturedBodyTests
{
    private static IEnumerable<TestCaseData> TypedBodies()
    {
        yield return Case(nameof(CreateNamespace), CreateNamespace, typeof(Namespace),
            """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"rodrigo","creationTimestamp":null},"spec":{},"status":{}}""");
        yield return Case(nameof(CreateDeployment), CreateDeployment, typeof(Deployment),
            """{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}""");
        yield return Case(nameof(CreateDeploymentMulti), CreateDeploymentMulti, typeof(Deployment),
            """{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"multi","creationTimestamp":null,"labels":{"app":"multi"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"multi"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"multi"}},"spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":8080}],"resources":{}},{"name":"busybox","image":"busybox","resources":{}}]}},"strategy":{}},"status":{}}""");
        yield return Case(nameof(CreateDeploymentCommand), CreateDeploymentCommand, typeof(Deployment),
            """{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"cmd","creationTimestamp":null,"labels":{"app":"cmd"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"cmd"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"cmd"}},"spec":{"containers":[{"name":"busybox","image":"busybox","command":["sleep","10"],"resources":{}}]}},"strategy":{}},"status":{}}""");
        yield return Case(nameof(CreateConfigMap), CreateConfigMap, typeof(ConfigMap),
            """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cfg","creationTimestamp":null},"data":{"a":"1","empty":""}}""");
        yield return Case(nameof(CreateConfigMapBinary), CreateConfigMapBinary, typeof(ConfigMap),
            """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"bin","creationTimestamp":null},"binaryData":{"bin":"AAEC//4="}}""");
        yield return Case(nameof(CreateSecretGeneric), CreateSecretGeneric, typeof(Secret),
            """{"kind":"Secret","apiVersion":"v1","metadata":{"name":"sec","creationTimestamp":null},"data":{"bin":"AAEC//4=","user":"YWRtaW4="}}""");
        yield return Case(nameof(CreateSecretGenericEmpty), CreateSecretGenericEmpty, typeof(Secret),
            """{"kind":"Secret","apiVersion":"v1","metadata":{"name":"empty","creationTimestamp":null}}""");
        yield return Case(nameof(CreateServiceAccount), CreateServiceAccount, typeof(ServiceAccount),
            """{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"bot","creationTimestamp":null}}""");
        yield return Case(nameof(CreateServiceClusterIp), CreateServiceClusterIp, typeof(Service),
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"svc","creationTimestamp":null,"labels":{"app":"svc"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"svc"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}""");
        yield return Case(nameof(CreateServiceNodePort), CreateServiceNodePort, typeof(Service),
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"np","creationTimestamp":null,"labels":{"app":"np"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080,"nodePort":30080}],"selector":{"app":"np"},"type":"NodePort"},"status":{"loadBalancer":{}}}""");
    }

    private static TestCaseData Case(string name, string hex, Type type, string json) =>
        new TestCaseData(hex, type, json).SetArgDisplayNames(name);

    [TestCaseSource(nameof(TypedBodies))]
    public void Decodes_to_the_json_kubectl_would_have_sent(string hex, Type type, string expectedJson)
    {
        var decoded = ProtobufBody.Decode(Bytes(hex), type);

        var expected = JsonNode.Parse(expectedJson)!;
        Assert.That(JsonNode.DeepEquals(decoded.Object, expected), Is.True, decoded.Object.ToJsonString());
        Assert.That(decoded.UnknownFields, Is.Empty);
    }

    [TestCaseSource(nameof(TypedBodies))]
    public void Decoded_object_reads_like_the_json_body(string hex, Type type, string expectedJson)
    {
        var decoded = ProtobufBody.Decode(Bytes(hex), type);

        Assert.That(Canonical(decoded.Object, type), Is.EqualTo(Canonical(JsonNode.Parse(expectedJson)!, type)));
    }

    [Test]
    public void Create_namespace_from_the_reference_dump()
    {
        const string reference = "6b387300 0a0f 0a027631 1209 4e616d657370616365  12 1f 0a17 0a07 726f647269676f 1200 1a00 2200 2a00 3200 3800 4200 1200 1a02 0a00  1a00 2200";

        var decoded = ProtobufBody.Decode(Bytes(reference), typeof(Namespace));
        var ns = decoded.Object.Deserialize<Namespace>(KubeJson.Options)!;

        Assert.That(Bytes(reference), Is.EqualTo(Bytes(CreateNamespace)), "the reference dump and the capture agree");
        Assert.That((decoded.ApiVersion, decoded.Kind), Is.EqualTo(("v1", "Namespace")));
        Assert.That(ns.Metadata.Name, Is.EqualTo("rodrigo"));
        Assert.That(ns.Metadata.GenerateName, Is.Null);
        Assert.That(ns.Metadata.Namespace, Is.Null);
        Assert.That(ns.Metadata.Uid, Is.Null);
        Assert.That(ns.Metadata.Generation, Is.Null);
        Assert.That(ns.Metadata.CreationTimestamp, Is.Null);
        Assert.That(ns.Spec.Finalizers, Is.Null);
        Assert.That(ns.Status.Phase, Is.Null);
    }

    [Test]
    public void Secret_data_keeps_binary_bytes()
    {
        var secret = ProtobufBody.Decode(Bytes(CreateSecretGeneric), typeof(Secret)).Object.Deserialize<Secret>(KubeJson.Options)!;

        Assert.That(secret.Data!["bin"], Is.EqualTo(new byte[] { 0x00, 0x01, 0x02, 0xff, 0xfe }));
        Assert.That(secret.Data["user"], Is.EqualTo("admin"u8.ToArray()));
        Assert.That(secret.Type, Is.Null);
    }

    [TestCase(CreateToken, "authentication.k8s.io/v1", "TokenRequest")]
    [TestCase(AuthCanI, "authorization.k8s.io/v1", "SelfSubjectAccessReview")]
    [TestCase(CreateRole, "rbac.authorization.k8s.io/v1", "Role")]
    [TestCase(CreateRoleBinding, "rbac.authorization.k8s.io/v1", "RoleBinding")]
    [TestCase(CreateClusterRole, "rbac.authorization.k8s.io/v1", "ClusterRole")]
    [TestCase(CreateClusterRoleBinding, "rbac.authorization.k8s.io/v1", "ClusterRoleBinding")]
    public void Envelope_names_the_kind_of_every_captured_body(string hex, string apiVersion, string kind)
    {
        var envelope = ProtobufEnvelope.Parse(Bytes(hex));

        Assert.That((envelope.ApiVersion, envelope.Kind), Is.EqualTo((apiVersion, kind)));
        Assert.That(envelope.Raw, Is.Not.Empty);
        Assert.That((envelope.ContentEncoding, envelope.ContentType), Is.EqualTo(("", "")));
    }

    private static string Canonical(JsonNode node, Type type) =>
        System.Text.Encoding.UTF8.GetString(KubeJson.Serialize(node.Deserialize(type, KubeJson.Options)!, type));
}
