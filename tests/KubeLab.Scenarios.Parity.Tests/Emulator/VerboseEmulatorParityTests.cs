namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>-v=1</c> to <c>-v=9</c>: the klog lines of client-go, with their files, keys, quoting and bodies.</summary>
public class VerboseEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync() =>
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"mode":"fast"}}""");

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        foreach (var v in new[] { "1", "6", "7", "8", "9" })
        {
            yield return Case("get", "cm", $"-v={v}");
            yield return Case("get", "cm", "settings", "-o", "yaml", $"-v={v}");
        }
        yield return Case("get", "pod", "nope", "-v=8");
        yield return Case("get", "--raw", "/version", "-v=8");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Cold(string[] args) => AssertSame(await BothAsync(args), KlogNormalizer.Normalize);

    [TestCaseSource(nameof(Cases))]
    public async Task Warm(string[] args) => AssertSame(await BothAsync(args, ["get", "ns"]), KlogNormalizer.Normalize);
}
