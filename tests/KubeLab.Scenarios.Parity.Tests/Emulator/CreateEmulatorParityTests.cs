namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>kubectl create</c>: from files (JSON bodies after the OpenAPI check) and the generators (protobuf bodies through
/// the typed clientset), on twin clusters. Every test creates objects of its own names.
/// </summary>
public class CreateEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}""");
        await Twins.WriteFileAsync("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n");
        await Twins.WriteFileAsync("mixed.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: mixed-config
            data:
              enabled: "true"
              retries: "3"
            ---
            # a comment-only document in between
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: mixed-web
              namespace: team
              labels: {app: mixed-web}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: mixed-web}
              template:
                metadata:
                  labels: {app: mixed-web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    env:
                    - {name: MODE, value: fast}
            """);
        await Twins.WriteFileAsync("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\ndata:\n  flag: yes\n");
        await Twins.WriteFileAsync("unknown.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
        await Twins.WriteFileAsync("ns.json", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"from-json","labels":{"tier":"1.0"}}}""");
        await Twins.WriteFileAsync("settings.txt", "color=blue\nsize=2\n");
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("create", "-f", "pod.yaml");
        yield return Case("create", "-f", "mixed.yaml", "-o", "name");
        yield return Case("create", "-f", "ns.json", "-o", "yaml");
        yield return Case("create", "-f", "bad.yaml");
        yield return Case("create", "-f", "unknown.yaml");
        yield return Case("create", "-f", "missing.yaml");
        yield return Case("create", "-f", "pod.yaml", "-n", "team", "--dry-run=server");
        yield return Case("create", "-f", "pod.yaml", "-n", "team", "--validate=false", "-o", "json");
        yield return Case("create");
        yield return Case("create", "namespace", "gen-ns");
        yield return Case("create", "ns", "Bad_Name");
        yield return Case("create", "namespace", "gen-json", "-o", "json");
        yield return Case("create", "deployment", "gen-web", "--image=nginx:1.27");
        yield return Case("create", "deployment", "gen-multi", "-n", "team", "--image=nginx", "--image=busybox:1.36", "--replicas=3", "--port=8080");
        yield return Case("create", "deploy", "gen-cmd", "--image=busybox", "--", "sleep", "3600");
        yield return Case("create", "deployment", "gen-noimage");
        yield return Case("create", "configmap", "gen-cm", "--from-literal=a=1", "--from-literal=empty=", "--from-file=settings.txt", "-n", "team");
        yield return Case("create", "cm");
        yield return Case("create", "secret", "generic", "gen-secret", "--from-literal=user=admin", "--from-file=key=settings.txt");
        yield return Case("create", "serviceaccount", "gen-bot");
        yield return Case("create", "service", "clusterip", "gen-svc", "--tcp=80:8080", "--tcp=443");
        yield return Case("create", "service", "clusterip", "gen-headless", "--clusterip=None", "-n", "team");
        yield return Case("create", "role", "gen-reader", "--verb=get,list,get", "--resource=pods,deploy.apps,pods/log", "--resource-name=a");
        yield return Case("create", "role", "gen-bad", "--verb=get", "--resource=foos");
        yield return Case("create", "rolebinding", "gen-rb", "--clusterrole=view", "--user=alice", "--group=devs", "--serviceaccount=team:bot", "-n", "team");
        yield return Case("create", "rolebinding", "gen-rb-bad", "--user=alice");
        yield return Case("create", "clusterrole", "gen-cr", "--verb=get", "--non-resource-url=/logs/*", "--resource=nodes");
        yield return Case("create", "clusterrolebinding", "gen-crb", "--clusterrole=gen-cr", "--user=bob");
        yield return Case("create", "namespace", "gen-dry", "--dry-run=client", "-o", "yaml");
        yield return Case("create", "configmap", "gen-dry", "--from-literal=a=b", "--dry-run=server");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Cold(string[] args) => await AssertParityAsync(args);

    [TestCase("namespace", "twice-ns")]
    [TestCase("configmap", "twice-cm")]
    [TestCase("serviceaccount", "twice-sa")]
    public async Task Twice(string kind, string name)
    {
        await SetupAsync("create", kind, name);
        await AssertParityAsync("create", kind, name);
    }

    [Test]
    public async Task Token()
    {
        await SetupAsync("create", "serviceaccount", "token-bot");
        var comparison = await BothAsync(["create", "token", "token-bot", "--duration=1h"]);
        // The tokens are signed with each twin's own key: compare their shape, and everything else exactly.
        AssertSame(comparison with { Real = comparison.Real with { Stdout = "" }, Emulated = comparison.Emulated with { Stdout = "" } });
        Assert.That(comparison.Emulated.Stdout, Does.Match(@"^[\w-]+\.[\w-]+\.[\w-]+\n$"));
        await AssertParityAsync("create", "token", "no-such-account");
    }
}
