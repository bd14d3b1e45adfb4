using System.Text;
using KubeLab.ControlPlane.Tests.Protobuf;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>One request as a client sends it; the fuzzer's unit of mutation.</summary>
public sealed record FuzzRequest(string Method, string Path, string? ContentType, byte[]? Body, string? Accept = null)
{
    public override string ToString()
    {
        var body = Body is null ? "" : Body.Length > 300 ? $" body[{Body.Length}]={Preview(Body[..300])}…" : $" body={Preview(Body)}";
        return $"{Method} {Path} (Content-Type: {ContentType ?? "-"}, Accept: {Accept ?? "-"}){body}";
    }

    private static string Preview(byte[] bytes) =>
        bytes.All(b => b is >= 0x20 and < 0x7f or (byte)'\n') ? Encoding.ASCII.GetString(bytes).Replace("\n", "\\n") : Convert.ToHexString(bytes);
}

/// <summary>
/// Real, valid requests to mutate: what kubectl sends for pods, deployments, configmaps and namespaces in JSON
/// (create -f, replace, patch), YAML (server-side apply), and protobuf (the typed generators, captured bytes).
/// They target the objects <see cref="Prepare"/> creates in the namespace <c>fuzz</c>.
/// </summary>
public static class FuzzSeeds
{
    public const string Namespace = "fuzz";
    private const string Ns = "/api/v1/namespaces/" + Namespace;
    private const string Apps = "/apis/apps/v1/namespaces/" + Namespace;

    private const string ConfigMap = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","namespace":"fuzz","labels":{"app":"web"}},"data":{"counter":"0","color":"blue"}}""";
    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0","namespace":"fuzz","labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{"limits":{"cpu":"500m","memory":"128Mi"}}}],"restartPolicy":"Always"}}""";
    private const string Deployment = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"fuzz","labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}}}}""";
    private const string NamespaceObject = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fuzz-extra","labels":{"team":"a"}}}""";
    private const string DeleteOptions = """{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background","gracePeriodSeconds":0,"preconditions":{"uid":"x","resourceVersion":"1"}}""";

    private const string ConfigMapYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: fuzz
          labels:
            app: web
        data:
          counter: "1"
          color: green
        """;

    private const string DeploymentYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: fuzz
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                env: [{name: A, value: "1"}]
        """;

    private const string PodYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1
          namespace: fuzz
        spec:
          containers:
          - name: nginx
            image: nginx
        """;

    public static IReadOnlyList<FuzzRequest> All { get; } =
    [
        Json("POST", "/api/v1/namespaces", NamespaceObject),
        Json("PUT", "/api/v1/namespaces/fuzz", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fuzz","labels":{"x":"y"}}}"""),
        Json("POST", Ns + "/configmaps", ConfigMap.Replace("\"cfg\"", "\"cfg-2\"")),
        Json("PUT", Ns + "/configmaps/cfg", ConfigMap),
        Json("POST", Ns + "/pods", Pod.Replace("web-0", "web-9")),
        Json("PUT", Ns + "/pods/web-0", Pod),
        Json("PUT", Ns + "/pods/web-0/status", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0","namespace":"fuzz"},"status":{"phase":"Running"}}"""),
        Json("POST", Apps + "/deployments", Deployment.Replace("\"name\":\"web\"", "\"name\":\"api\"")),
        Json("PUT", Apps + "/deployments/web", Deployment),
        Json("PUT", Apps + "/deployments/web/scale", """{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web","namespace":"fuzz"},"spec":{"replicas":4}}"""),
        new("PATCH", Apps + "/deployments/web/scale", "application/merge-patch+json", Utf8("""{"spec":{"replicas":3}}""")),
        new("PATCH", Ns + "/configmaps/cfg", "application/merge-patch+json", Utf8("""{"data":{"counter":"5","color":null}}""")),
        new("PATCH", Ns + "/configmaps/cfg", "application/json-patch+json", Utf8("""[{"op":"add","path":"/data/x","value":"1"},{"op":"replace","path":"/metadata/labels/app","value":"db"},{"op":"test","path":"/data/counter","value":"0"},{"op":"remove","path":"/data/color"},{"op":"move","from":"/data/x","path":"/data/y"},{"op":"copy","from":"/data/y","path":"/data/z"}]""")),
        new("PATCH", Apps + "/deployments/web", "application/strategic-merge-patch+json", Utf8("""{"metadata":{"labels":{"tier":"front"}},"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"},{"$patch":"delete","name":"old"}],"$setElementOrder/containers":[{"name":"nginx"}]}}}}""")),
        new("PATCH", Ns + "/pods/web-0", "application/strategic-merge-patch+json", Utf8("""{"metadata":{"labels":{"app":null,"v":"2"},"finalizers":["a/b"],"$deleteFromPrimitiveList/finalizers":["a/b"]}}""")),
        new("PATCH", Ns + "/configmaps/cfg?fieldManager=kubectl&force=true", "application/apply-patch+yaml", Utf8(ConfigMapYaml)),
        new("PATCH", Apps + "/deployments/web?fieldManager=kubectl-client-side-apply&fieldValidation=Strict", "application/apply-patch+yaml", Utf8(DeploymentYaml)),
        new("PATCH", Ns + "/pods/web-1?fieldManager=kubectl", "application/apply-patch+yaml", Utf8(PodYaml)),
        Yaml("POST", Ns + "/configmaps", ConfigMapYaml.Replace("name: cfg", "name: cfg-yaml")),
        Yaml("PUT", Apps + "/deployments/web", DeploymentYaml),
        Proto("POST", "/api/v1/namespaces", CapturedBodies.CreateNamespace),
        Proto("POST", "/apis/apps/v1/namespaces/default/deployments", CapturedBodies.CreateDeployment),
        Proto("POST", "/api/v1/namespaces/default/configmaps", CapturedBodies.CreateConfigMap),
        Proto("POST", "/api/v1/namespaces/default/secrets", CapturedBodies.CreateSecretGeneric),
        Proto("POST", "/api/v1/namespaces/default/services", CapturedBodies.CreateServiceClusterIp),
        Proto("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", CapturedBodies.AuthCanI),
        Proto("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", CapturedBodies.CreateRole),
        Json("DELETE", Ns + "/configmaps/cfg", DeleteOptions),
        Json("DELETE", Ns + "/configmaps?labelSelector=app%3Dweb", """{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"}"""),
        new("DELETE", Apps + "/deployments/web?propagationPolicy=Orphan&dryRun=All", null, null),
        new("GET", Ns + "/pods?labelSelector=app%20in%20(web,db),tier!%3Dx&fieldSelector=status.phase%3DPending&limit=1", null, null, "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"),
        new("GET", Ns + "/pods/web-0/log?container=nginx&tailLines=10&timestamps=true", null, null),
        new("GET", Ns + "/configmaps?watch=true&resourceVersion=0&timeoutSeconds=5&allowWatchBookmarks=true", null, null),
        new("GET", "/apis/apps/v1/deployments?resourceVersion=0&resourceVersionMatch=NotOlderThan&continue=", null, null),
        new("GET", "/api", null, null, "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"),
        new("GET", "/openapi/v3/apis/apps/v1", null, null),
    ];

    /// <summary>The objects the seeds update, patch and delete.</summary>
    public static async Task Prepare(HttpClient client)
    {
        foreach (var (path, body) in new[]
        {
            ("/api/v1/namespaces", """{"metadata":{"name":"fuzz"}}"""),
            (Ns + "/configmaps", ConfigMap), (Ns + "/pods", Pod), (Apps + "/deployments", Deployment),
        })
        {
            var (status, text, _) = await ClusterClient.Send(client, HttpMethod.Post, path, body);
            Assert.That(status, Is.EqualTo(201), text);
        }
    }

    private static FuzzRequest Json(string method, string path, string body) => new(method, path, "application/json", Utf8(body));
    private static FuzzRequest Yaml(string method, string path, string body) => new(method, path, "application/yaml", Utf8(body));

    private static FuzzRequest Proto(string method, string path, string hex) =>
        new(method, path, "application/vnd.kubernetes.protobuf", CapturedBodies.Bytes(hex), "application/vnd.kubernetes.protobuf,application/json");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
