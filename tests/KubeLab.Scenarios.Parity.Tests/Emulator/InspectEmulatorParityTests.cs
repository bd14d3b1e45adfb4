namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>logs</c> and <c>describe</c> on twin clusters.</summary>
public class InspectEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"solo","labels":{"app":"solo"},"annotations":{"note":"hello"}},
             "spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}],"env":[{"name":"MODE","value":"fast"}],
               "resources":{"requests":{"cpu":"100m"},"limits":{"memory":"64Mi"}}}]}}
            """);
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"duo"},
             "spec":{"containers":[{"name":"app","image":"busybox","command":["sh","-c","sleep 3600"],"args":["one","two\nthree"]},{"name":"sidecar","image":"busybox"}],
               "initContainers":[{"name":"setup","image":"busybox"}],
               "volumes":[{"name":"scratch","emptyDir":{}},{"name":"settings","configMap":{"name":"settings"}}],
               "tolerations":[{"key":"dedicated","operator":"Equal","value":"lab","effect":"NoSchedule"},{"operator":"Exists"}],
               "nodeSelector":{"disk":"ssd"}}}
            """);
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","labels":{"tier":"one"}},"data":{"color":"blue"}}""");
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("logs", "solo");
        yield return Case("logs", "pod/solo", "--tail=5", "--timestamps");
        yield return Case("logs", "duo");
        yield return Case("logs", "duo", "-c", "sidecar", "-p");
        yield return Case("logs", "nope");
        yield return Case("logs");
        yield return Case("describe", "pod", "solo");
        yield return Case("describe", "pod", "duo");
        yield return Case("describe", "pods");
        yield return Case("describe", "pod", "nope");
        yield return Case("describe", "pod", "du");
        yield return Case("describe", "configmap", "settings");
        yield return Case("describe", "pods", "-n", "kube-public");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Cold(string[] args) => AssertSame(await BothAsync(args), DescribeNormalizer.Normalize);
}
