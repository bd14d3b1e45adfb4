namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>explain</c>, <c>wait</c>, <c>rollout status</c>, <c>set image</c> and <c>edit</c> on twin clusters.</summary>
public class WorkflowEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"flow"},"data":{"mode":"fast"}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods",
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"waiter"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""");
    }

    public static IEnumerable<TestCaseData> Explain()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("explain", "pod");
        yield return Case("explain", "pods.spec.containers");
        yield return Case("explain", "pod.spec.containers.image");
        yield return Case("explain", "deployment.spec", "--recursive");
        yield return Case("explain", "ns");
        yield return Case("explain", "pod.spec.nothing");
        yield return Case("explain");
    }

    [TestCaseSource(nameof(Explain))]
    public async Task Explains(string[] args) => await AssertParityAsync(args);

    [TestCase("wait", "--for=jsonpath={.data.mode}=fast", "cm/flow")]
    [TestCase("wait", "--for=jsonpath={.data.mode}=slow", "cm/flow", "--timeout=1s")]
    [TestCase("wait", "--for=condition=Ready", "pod/waiter", "--timeout=1s")]
    [TestCase("wait", "--for=delete", "cm/never-there", "--timeout=1s")]
    [TestCase("wait", "--for=create", "cm/flow")]
    [TestCase("wait", "--for=bogus", "cm/flow")]
    [TestCase("wait", "cm/flow")]
    public async Task Waits(params string[] args) => await AssertParityAsync(args);

    [Test]
    public async Task Waits_for_a_deletion()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"wait-gone"}}""");
        await SendBothAsync(HttpMethod.Delete, "/api/v1/namespaces/wait-gone");
        await AssertParityAsync("wait", "--for=delete", "ns/wait-gone");
    }

    [Test]
    public async Task Rollout_status_and_set_image()
    {
        await SetupAsync("create", "deployment", "flow-web", "--image=nginx:1.27");
        await AssertParityAsync("set", "image", "deployment/flow-web", "nginx=nginx:1.28");
        await AssertParityAsync("set", "image", "deployment/flow-web", "nginx=nginx:1.28");
        await AssertParityAsync("set", "image", "deployment/flow-web", "nope=x");
        await AssertParityAsync("set", "image", "deploy", "flow-web", "*=nginx:1.29", "-o", "name");
        await AssertParityAsync("rollout", "status", "deployment/flow-web", "--timeout=1s");
        await AssertParityAsync("rollout", "status", "deployment/flow-web", "--watch=false");
    }

    [Test]
    public async Task Edits()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"edited"},"data":{"a":"1"}}""");
        var current = await Twins.RunRealAsync(Twins.NewCacheDirectory(), ["get", "cm", "edited", "-o", "yaml"]);
        await Twins.WriteFileAsync("edited.yaml", current.Stdout.Replace("a: \"1\"", "a: \"42\"\n  b: two"));
        var editor = new Dictionary<string, string> { ["KUBE_EDITOR"] = "cp edited.yaml" };
        AssertSame(await BothAsync(["edit", "cm", "edited"], variables: editor));
        AssertSame(await BothAsync(["edit", "cm", "edited"], variables: new Dictionary<string, string> { ["KUBE_EDITOR"] = "true" }));
    }
}
