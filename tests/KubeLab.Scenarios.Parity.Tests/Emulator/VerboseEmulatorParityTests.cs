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

/// <summary>The source lines client-go logs for the requests of write commands, at <c>-v=8</c>.</summary>
public class VerboseWriteEmulatorParityTests : EmulatorParityFixture
{
    [Test]
    public async Task Writes_are_logged_as_client_go_logs_them()
    {
        await Twins.WriteFileAsync("v8.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v8-file\ndata:\n  a: \"1\"\n");
        string[][] steps =
        [
            ["create", "configmap", "v8-gen", "--from-literal=a=1"],
            ["create", "-f", "v8.yaml"],
            ["apply", "-f", "v8.yaml"],
            ["label", "cm", "v8-gen", "x=y"],
            ["patch", "cm", "v8-gen", "-p", """{"data":{"b":"2"}}"""],
            ["replace", "-f", "v8.yaml"],
            ["run", "v8-pod", "--image=nginx"],
            ["create", "deployment", "v8-web", "--image=nginx"],
            ["scale", "deployment", "v8-web", "--replicas=2"],
            ["auth", "can-i", "list", "pods"],
            ["auth", "whoami"],
            ["delete", "cm", "v8-gen"],
        ];
        foreach (var step in steps)
            AssertSame(await BothAsync([.. step, "-v=8"]), KlogNormalizer.Normalize);
    }
}
