namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>version</c>, <c>api-versions</c>, <c>api-resources</c>, <c>auth whoami</c> and <c>auth can-i</c> on twin clusters.</summary>
public class InfoEmulatorParityTests : EmulatorParityFixture
{
    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("version");
        yield return Case("version", "--client");
        yield return Case("version", "-o", "json");
        yield return Case("version", "-o", "yaml");
        yield return Case("version", "--client", "-o", "yaml");
        yield return Case("api-versions");
        yield return Case("api-resources");
        yield return Case("api-resources", "-o", "wide");
        yield return Case("api-resources", "-o", "name", "--namespaced=false");
        yield return Case("api-resources", "--api-group=apps", "--no-headers");
        yield return Case("api-resources", "--verbs=create", "--sort-by=kind");
        yield return Case("auth", "whoami");
        yield return Case("auth", "whoami", "-o", "json");
        yield return Case("auth", "whoami", "-o", "yaml");
        yield return Case("auth", "can-i", "list", "pods");
        yield return Case("auth", "can-i", "create", "deployments.apps", "-n", "kube-system");
        yield return Case("auth", "can-i", "get", "pods/nginx");
        yield return Case("auth", "can-i", "get", "/logs");
        yield return Case("auth", "can-i", "list", "nodes");
        yield return Case("auth", "can-i", "list", "pods", "--as=jane");
        yield return Case("auth", "can-i", "list", "pods", "--as=jane", "--as-group=devs", "-q");
        yield return Case("auth", "can-i", "frobnicate", "pods");
        yield return Case("auth", "can-i", "delete", "foos");
        yield return Case("auth", "can-i", "get", "pods", "--subresource=log", "-A");
        yield return Case("auth", "can-i", "--list");
        yield return Case("auth", "can-i", "--list", "--as=jane", "-n", "kube-system");
        yield return Case("auth", "can-i", "list");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Cold(string[] args) => await AssertParityAsync(args);

    [TestCaseSource(nameof(Cases))]
    public async Task Warm(string[] args) => await AssertWarmParityAsync(["get", "ns"], args);
}
