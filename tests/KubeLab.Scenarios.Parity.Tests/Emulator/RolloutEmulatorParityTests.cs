using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>rollout history</c>, <c>undo</c>, <c>pause</c>, <c>resume</c> and <c>restart</c> on twin clusters, through a
/// deployment's life: every step's requests and output must match the real kubectl's.
/// </summary>
public partial class RolloutEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"plain"},"data":{"a":"1"}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods",
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"lonely"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""");
    }

    [Test]
    public async Task History_and_undo()
    {
        await SetupAsync("create", "deployment", "roll", "--image=nginx:1.27");
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "history", "deployment/roll");
        await SetupAsync("set", "image", "deployment/roll", "nginx=nginx:1.28");
        await SetupAsync("annotate", "deployment", "roll", "kubernetes.io/change-cause=image 1.29 <for> you & me");
        await SetupAsync("set", "image", "deployment/roll", "nginx=nginx:1.29");
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "history", "deployment/roll");
        await AssertParityAsync("rollout", "history", "deploy", "roll", "--revision=1");
        await AssertParityAsync("rollout", "history", "deployment/roll", "--revision=3");
        await AssertParityAsync("rollout", "history", "deployment/roll", "--revision=9");
        await AssertParityAsync("rollout", "history", "deployment/roll", "-o", "name");
        await AssertParityAsync("rollout", "history", "deployment", "-l", "app=roll");
        await AssertParityAsync("rollout", "history", "deployment/roll", "--revision=3", "-o", "yaml");
        await AssertParityAsync("rollout", "history", "deployment/roll", "--revision=2", "-o", "jsonpath={.metadata.annotations}");
        await AssertParityAsync("rollout", "undo", "deployment/roll", "--dry-run=client");
        await AssertParityAsync("rollout", "undo", "deployment/roll", "--dry-run=server");
        await AssertParityAsync("rollout", "undo", "deployment/roll", "--to-revision=9");
        await AssertParityAsync("rollout", "undo", "deployment/roll", "--to-revision=-1");
        await AssertParityAsync("rollout", "undo", "deployment/roll");
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "history", "deployment/roll");
        await AssertParityAsync("rollout", "undo", "deployment/roll", "--to-revision=1", "-o", "name");
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "history", "deployment/roll");
    }

    [Test]
    public async Task Pause_resume_and_restart()
    {
        await SetupAsync("create", "deployment", "paced", "--image=nginx:1.27");
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "pause", "deployment/paced");
        await AssertParityAsync("rollout", "pause", "deployment/paced");
        await AssertParityAsync("rollout", "undo", "deployment/paced");
        await AssertParityAsync("rollout", "restart", "deployment/paced");
        await AssertParityAsync("rollout", "resume", "deployment/paced", "-o", "name");
        await AssertParityAsync("rollout", "resume", "deploy/paced");
        var restart = await BothAsync(["rollout", "restart", "deployment/paced"]);
        // restartedAt is the client's clock, which runs on for the real kubectl.
        AssertSame(restart with
        {
            RealRequests = [.. restart.RealRequests.Select(MaskRestartedAt)],
            EmulatedRequests = [.. restart.EmulatedRequests.Select(MaskRestartedAt)],
        });
        Assert.That(restart.EmulatedRequests.Last().Body, Does.Match("""^\{"spec":\{"template":\{"metadata":\{"annotations":\{"kubectl.kubernetes.io/restartedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}\}\}\}\}$"""));
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "history", "deployment/paced");
    }

    [Test]
    public async Task Undo_of_a_template_with_maps()
    {
        await Twins.WriteFileAsync("maps.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: maps
            spec:
              selector:
                matchLabels: {tier: web, app: maps}
              template:
                metadata:
                  labels: {tier: web, app: maps}
                  annotations: {zeta: "1", alpha: "2"}
                spec:
                  nodeSelector: {kubernetes.io/os: linux, disk: ssd}
                  containers:
                  - name: web
                    image: nginx:1.27
                    resources:
                      requests: {memory: 64Mi, cpu: 100m}
                      limits: {memory: 128Mi, cpu: "1"}
            """);
        await SetupAsync("create", "-f", "maps.yaml");
        await SetupAsync("set", "image", "deployment/maps", "web=nginx:1.28");
        await SettleTwinsAsync();
        await AssertParityAsync("rollout", "undo", "deployment/maps");
    }

    [TestCase("rollout", "history")]
    [TestCase("rollout", "history", "deployment/roll", "--revision=-2")]
    [TestCase("rollout", "history", "cm/plain")]
    [TestCase("rollout", "history", "pod/lonely")]
    [TestCase("rollout", "history", "deployment/nope")]
    [TestCase("rollout", "undo", "cm/plain")]
    [TestCase("rollout", "undo", "pod/lonely")]
    [TestCase("rollout", "pause", "cm/plain")]
    [TestCase("rollout", "resume", "pod/lonely")]
    [TestCase("rollout", "restart", "cm/plain", "deployment/nope")]
    [TestCase("rollout", "pause")]
    public async Task Refused(params string[] args) => await AssertParityAsync(args);

    private static RequestView MaskRestartedAt(RequestView request) =>
        request with { Body = RestartedAt().Replace(request.Body, "\"kubectl.kubernetes.io/restartedAt\":\"<now>\"") };

    [GeneratedRegex("\"kubectl.kubernetes.io/restartedAt\":\"[^\"]*\"")]
    private static partial Regex RestartedAt();
}
