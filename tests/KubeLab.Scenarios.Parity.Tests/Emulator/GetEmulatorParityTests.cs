namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>kubectl get</c>: the real binary and the emulator, on twin clusters, from a cold and a warm discovery cache.</summary>
public class GetEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}""");
        foreach (var name in new[] { "web-1", "web-2" })
            await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/team-a/pods",
                $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"mode":"fast"}}""");
        await SettleTwinsAsync();
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("get", "pods");
        yield return Case("get", "pods", "-n", "team-a");
        yield return Case("get", "po", "-nteam-a", "-o", "wide");
        yield return Case("get", "pods", "-A");
        yield return Case("get", "pods", "--all-namespaces", "-l", "app=web", "--show-labels");
        yield return Case("get", "pods", "-A", "--field-selector", "metadata.name=web-1");
        yield return Case("get", "pod", "web-1", "-n", "team-a");
        yield return Case("get", "pod/web-1", "pod/web-2", "--namespace=team-a", "-o", "name");
        yield return Case("get", "pod", "web-1", "nope", "-n", "team-a");
        yield return Case("get", "pod", "web-1", "-n", "ghost");
        yield return Case("get", "pod", "nope");
        yield return Case("get", "cm", "settings", "-o", "json");
        yield return Case("get", "configmaps", "-o=yaml");
        yield return Case("get", "ns");
        yield return Case("get", "namespaces", "team-a", "-o", "jsonpath={.metadata.name}");
        yield return Case("get", "pods,cm", "-A");
        yield return Case("get", "all", "-n", "team-a");
        yield return Case("get", "deployments.apps");
        yield return Case("get", "foos");
        yield return Case("get");
        yield return Case("get", "pods", "--foo");
        yield return Case("get", "pods", "-o", "bogus");
        yield return Case("get", "--raw", "/version");
        yield return Case("get", "--raw", "/api/v1/namespaces/default/configmaps/settings");
        yield return Case("get", "--raw", "/nope");
        yield return Case("get", "--raw", "/");
        yield return Case("get", "--raw", "/api");
        yield return Case("get", "--raw", "/apis/apps/v1");
        yield return Case("get", "--raw", "/healthz");
        yield return Case("get", "--raw", "/livez?verbose");
        yield return Case("get", "--raw", "/api/v1/namespaces/team-a/pods?labelSelector=app%3Dweb&limit=1");
        yield return Case("get", "--raw", "/api/v1/namespaces/default/secrets/nope");
        yield return Case("get", "--raw", "api/v1/namespaces");
        yield return Case("get", "--raw", "/api/v1/namespaces/%zz");
        yield return Case("get", "--raw", "/api/v1/namespaces?b=2;c=3&limit=1&a=x+y%20z");
        yield return Case("get", "--raw", "/api", "-o", "json");
        yield return Case("get", "--raw", "/api", "-w");
        yield return Case("get", "pods", "-n", "team-a", "-l", "app in (web,api),tier!=db");
        yield return Case("get", "pods", "-A", "-l", "!app");
        yield return Case("get", "pods", "-n", "team-a", "-o", "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Cold(string[] args) => await AssertParityAsync(args);

    [TestCaseSource(nameof(Cases))]
    public async Task Warm(string[] args) => await AssertWarmParityAsync(["get", "ns"], args);
}
