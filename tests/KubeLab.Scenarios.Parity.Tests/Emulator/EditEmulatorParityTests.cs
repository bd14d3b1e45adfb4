namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>run</c>, <c>label</c>, <c>annotate</c>, <c>patch</c>, <c>scale</c> and <c>replace</c> on twin clusters.</summary>
public class EditEmulatorParityTests : EmulatorParityFixture
{
    private async Task ConfigMapAsync(string name) =>
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","labels":{"keep":"me"}},"data":{"a":"1"}}""");

    [TestCase("run", "run-plain", "--image=nginx")]
    [TestCase("run", "run-full", "--image=busybox:1.36", "--port=8080", "--env=MODE=fast", "--env=LEVEL=2", "--labels=app=web,tier=front",
        "--annotations=note=hi", "--restart=Never", "--image-pull-policy=IfNotPresent", "--", "sleep", "3600")]
    [TestCase("run", "run-command", "--image=busybox", "--command", "--", "sh", "-c", "echo hi")]
    [TestCase("run", "run-ns", "--image=nginx", "-n", "kube-public", "-o", "yaml")]
    [TestCase("run", "run-dry", "--image=nginx", "--dry-run=server")]
    [TestCase("run", "run-noimage")]
    public async Task Run(params string[] args) => await AssertParityAsync(args);

    [Test]
    public async Task Run_twice()
    {
        await SetupAsync("run", "run-twice", "--image=nginx");
        await AssertParityAsync("run", "run-twice", "--image=nginx");
    }

    [Test]
    public async Task Labels()
    {
        await ConfigMapAsync("labelled");
        await AssertParityAsync("label", "cm", "labelled", "tier=gold", "zone=a");
        await AssertParityAsync("label", "cm", "labelled", "tier=gold");
        await AssertParityAsync("label", "cm", "labelled", "tier=silver");
        await AssertParityAsync("label", "cm", "labelled", "tier=silver", "--overwrite");
        await AssertParityAsync("label", "cm", "labelled", "zone-", "missing-");
        await AssertParityAsync("label", "configmap/labelled", "tier-", "-o", "name");
        await AssertParityAsync("label", "cm", "labelled");
        await AssertParityAsync("label", "cm", "nope", "a=b");
    }

    [Test]
    public async Task Annotations()
    {
        await ConfigMapAsync("annotated");
        await AssertParityAsync("annotate", "cm", "annotated", "note=hello world", "owner=team-a");
        await AssertParityAsync("annotate", "cm", "annotated", "note-");
        await AssertParityAsync("annotate", "cm", "annotated", "owner=team-b");
    }

    [Test]
    public async Task Patches()
    {
        await ConfigMapAsync("patched");
        await AssertParityAsync("patch", "cm", "patched", "-p", """{"data":{"b":"2"}}""");
        await AssertParityAsync("patch", "cm", "patched", "-p", """{"data": {"b": "2"}}""");
        await AssertParityAsync("patch", "cm", "patched", "--type=merge", "-p", "data: {c: \"3\"}");
        await AssertParityAsync("patch", "cm", "patched", "--type", "json", "-p", """[{"op":"remove","path":"/data/c"}]""");
        await AssertParityAsync("patch", "cm", "patched", "-p", "{bad");
        await AssertParityAsync("patch", "cm", "patched", "--type=bogus", "-p", "{}");
        await AssertParityAsync("patch", "cm", "patched");
    }

    [Test]
    public async Task Scale()
    {
        await SetupAsync("create", "deployment", "scaled", "--image=nginx");
        await AssertParityAsync("scale", "deployment", "scaled", "--replicas=3");
        await AssertParityAsync("scale", "deploy/scaled", "--replicas", "0", "-o", "name");
        await AssertParityAsync("scale", "deployment", "scaled");
        await AssertParityAsync("scale", "deployment", "missing", "--replicas=1");
        await ConfigMapAsync("not-scalable");
        await AssertParityAsync("scale", "cm", "not-scalable", "--replicas=2");
    }

    [Test]
    public async Task Replace()
    {
        await ConfigMapAsync("replaced");
        await Twins.WriteFileAsync("replaced.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: replaced\ndata:\n  z: \"26\"\n");
        await AssertParityAsync("replace", "-f", "replaced.yaml");
        await Twins.WriteFileAsync("stale.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: replaced\n  resourceVersion: \"1\"\ndata:\n  z: \"0\"\n");
        await AssertParityAsync("replace", "-f", "stale.yaml");
        await AssertParityAsync("replace", "-f", "nothing.yaml");
        await AssertParityAsync("replace");
    }

    [Test]
    public async Task Replace_raw_finalizes_a_namespace()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"raw-final"}}""");
        await Twins.WriteFileAsync("ns.json", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"raw-final"},"spec":{"finalizers":[]}}""");
        await AssertParityAsync("replace", "--raw", "/api/v1/namespaces/raw-final/finalize", "-f", "ns.json");
    }

    [Test]
    public async Task Raw_create_replace_and_delete()
    {
        await Twins.WriteFileAsync("raw-cm.json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"raw-cm"},"data":{"a":"1"}}""");
        await AssertParityAsync("create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", "raw-cm.json");
        await AssertParityAsync("create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", "raw-cm.json");
        await AssertParityAsync("create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", "raw-cm.json", "-o", "name");
        await AssertParityAsync("create", "--raw", "api/v1/namespaces/default/configmaps", "-f", "raw-cm.json");
        await AssertParityAsync("replace", "--raw", "/api/v1/namespaces/default/configmaps/raw-cm", "-f", "raw-cm.json", "-f", "raw-cm.json");
        await AssertParityAsync("replace", "--raw", "/api/v1/namespaces/default/configmaps/raw-cm");
        await AssertParityAsync("delete", "--raw", "/api/v1/namespaces/default/configmaps/raw-cm", "-o", "yaml");
        await AssertParityAsync("delete", "--raw", "/api/v1/namespaces/default/configmaps/raw-cm");
        await AssertParityAsync("delete", "--raw", "/api/v1/namespaces/default/configmaps/raw-cm");
    }
}
