using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Authentication;
using KubeLab.ControlPlane.Api.Authorization;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Serialization.Protobuf;
using static KubeLab.ControlPlane.Tests.Protobuf.CapturedBodies;

namespace KubeLab.ControlPlane.Tests.Protobuf;

/// <summary>
/// The encoder writes what kubectl v1.33.9 wrote: every captured body, decoded and encoded again, and the JSON the
/// same command prints with <c>--dry-run=client -o json</c>, encode to the captured bytes, byte for byte.
/// </summary>
public class ProtobufEncodingTests
{
    private static IEnumerable<TestCaseData> Captured()
    {
        static TestCaseData Case(string name, string hex, Type type) => new TestCaseData(hex, type).SetArgDisplayNames(name);
        yield return Case(nameof(CreateNamespace), CreateNamespace, typeof(Namespace));
        yield return Case(nameof(CreateDeployment), CreateDeployment, typeof(Deployment));
        yield return Case(nameof(CreateDeploymentMulti), CreateDeploymentMulti, typeof(Deployment));
        yield return Case(nameof(CreateDeploymentCommand), CreateDeploymentCommand, typeof(Deployment));
        yield return Case(nameof(CreateConfigMap), CreateConfigMap, typeof(ConfigMap));
        yield return Case(nameof(CreateConfigMapBinary), CreateConfigMapBinary, typeof(ConfigMap));
        yield return Case(nameof(CreateSecretGeneric), CreateSecretGeneric, typeof(Secret));
        yield return Case(nameof(CreateSecretGenericEmpty), CreateSecretGenericEmpty, typeof(Secret));
        yield return Case(nameof(CreateServiceAccount), CreateServiceAccount, typeof(ServiceAccount));
        yield return Case(nameof(CreateServiceClusterIp), CreateServiceClusterIp, typeof(Service));
        yield return Case(nameof(CreateServiceNodePort), CreateServiceNodePort, typeof(Service));
        yield return Case(nameof(CreateToken), CreateToken, typeof(TokenRequest));
        yield return Case(nameof(AuthCanI), AuthCanI, typeof(SelfSubjectAccessReview));
        yield return Case(nameof(CreateRole), CreateRole, typeof(Role));
        yield return Case(nameof(CreateRoleBinding), CreateRoleBinding, typeof(RoleBinding));
        yield return Case(nameof(CreateClusterRole), CreateClusterRole, typeof(ClusterRole));
        yield return Case(nameof(CreateClusterRoleBinding), CreateClusterRoleBinding, typeof(ClusterRoleBinding));
    }

    [TestCaseSource(nameof(Captured))]
    public void Decoding_then_encoding_gives_back_the_captured_bytes(string hex, Type type)
    {
        var decoded = ProtobufBody.Decode(Bytes(hex), type);

        var encoded = ProtobufBody.Encode(decoded.Object, type);

        Assert.That(Convert.ToHexStringLower(encoded), Is.EqualTo(Convert.ToHexStringLower(Bytes(hex))));
    }

    private static IEnumerable<TestCaseData> FromJson()
    {
        static TestCaseData Case(string name, string hex, Type type, string json) => new TestCaseData(hex, type, json).SetArgDisplayNames(name);
        yield return Case(nameof(CreateNamespace), CreateNamespace, typeof(Namespace),
            """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"rodrigo","creationTimestamp":null},"spec":{},"status":{}}""");
        yield return Case(nameof(CreateDeployment), CreateDeployment, typeof(Deployment),
            """{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}""");
        yield return Case(nameof(CreateConfigMap), CreateConfigMap, typeof(ConfigMap),
            """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cfg","creationTimestamp":null},"data":{"empty":"","a":"1"}}""");
        yield return Case(nameof(CreateServiceClusterIp), CreateServiceClusterIp, typeof(Service),
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"svc","creationTimestamp":null,"labels":{"app":"svc"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"svc"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}""");
    }

    [TestCaseSource(nameof(FromJson))]
    public void The_json_kubectl_prints_encodes_to_the_bytes_it_sent(string hex, Type type, string json)
    {
        var encoded = ProtobufBody.Encode(JsonNode.Parse(json)!.AsObject(), type);

        Assert.That(Convert.ToHexStringLower(encoded), Is.EqualTo(Convert.ToHexStringLower(Bytes(hex))));
    }
}
