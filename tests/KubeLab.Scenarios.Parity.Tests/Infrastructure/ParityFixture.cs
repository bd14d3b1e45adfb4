using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Output;
using NUnit.Framework.Interfaces;

namespace KubeLab.Scenarios.Parity.Tests.Infrastructure;

// Inside the namespace: KubeLab.Scenarios.Kubectl (the emulator) would win otherwise.
using Kubectl = KubeLab.Testing.Kubectl;

/// <summary>
/// One simulator for the class, driven by the real kubectl, and the raw HTTP client the printers
/// under test are fed from. <see cref="MeasureAsync"/> takes both views of the same server state.
/// </summary>
public abstract class ParityFixture
{
    /// <summary>
    /// Attempts (a second or so each) before a measurement gives up. Server-computed ages change every second, so an
    /// attempt counts only if kubectl ran within one; on a loaded machine it often takes longer, and more attempts
    /// wait out a busy spell (ten were seen to fail in a row on a CI run).
    /// </summary>
    private const int MaxMeasurements = 40;

    private readonly Dictionary<string, JsonArray> discovery = [];

    protected SimulatorProcess Simulator { get; private set; } = null!;

    protected Kubectl Kubectl { get; private set; } = null!;

    protected ApiClient Api { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSimulatorAsync()
    {
        var kubectlPath = await KubectlBinary.GetPathAsync();
        Simulator = await SimulatorProcess.StartAsync();
        var home = Directory.CreateDirectory(Path.Combine(Simulator.Directory, "home")).FullName;
        Kubectl = new Kubectl(kubectlPath, Simulator.KubeconfigPath, Path.Combine(Simulator.Directory, "kubectl-cache"), home);
        Api = new ApiClient(Simulator.BaseUri, Simulator.KubeconfigPath);
    }

    [OneTimeTearDown]
    public async Task StopSimulatorAsync()
    {
        Api?.Dispose();
        if (Simulator is not null) await Simulator.DisposeAsync();
    }

    [TearDown]
    public void ShowServerOutputOnFailure()
    {
        if (Simulator is null || TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed) return;
        var log = Simulator.Output;
        TestContext.Out.WriteLine($"--- kubelab serve output ---\n{(log.Length > 4000 ? "…" + log[^4000..] : log)}");
    }

    /// <summary>Runs kubectl on a manifest of the World folder and checks it succeeded.</summary>
    protected async Task CreateAsync(string verb, string manifest)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "World", manifest);
        var result = await Kubectl.RunAsync(verb, "-f", path);
        Assert.That(result.ExitCode, Is.Zero, $"kubectl {verb} -f {manifest}:\n{result}");
    }

    /// <summary>
    /// Runs kubectl once with -v=6 to learn which resource URLs it reads, then takes the raw answers
    /// and the real kubectl's output together: fetch, run, fetch again. Ages are computed by the
    /// server and change every second, so a measurement counts only if both fetches agree (nothing,
    /// the clock included, changed while kubectl ran); it starts just after a second boundary.
    /// </summary>
    protected async Task<(KubectlResult Real, IReadOnlyList<RawResponse> Responses)> MeasureAsync(string accept, params string[] args)
    {
        var traced = await Kubectl.RunAsync([.. args, "-v=6"]);
        var paths = RequestLog.ResourceGets(traced.Stderr);
        for (var attempt = 0; attempt < MaxMeasurements; attempt++)
        {
            await StartOfSecondAsync();
            var before = await FetchAllAsync(paths, accept);
            var real = await Kubectl.RunAsync(args);
            var after = await FetchAllAsync(paths, accept);
            if (before.Zip(after).All(p => p.First.StatusCode == p.Second.StatusCode && p.First.Body.SequenceEqual(p.Second.Body)))
                return (real, before);
        }
        throw new InvalidOperationException($"the server's answers kept changing while kubectl {string.Join(' ', args)} ran");
    }

    /// <summary>Kind and scope of a resource, from the same discovery documents kubectl reads.</summary>
    protected ResourceKind KindOf(ResourcePath path)
    {
        var resources = discovery[path.DiscoveryPath];
        var entry = resources.OfType<JsonObject>().First(r => (string?)r["name"] == path.Resource);
        return new ResourceKind(path.Group, (string)entry["kind"]!, path.Resource, (bool)entry["namespaced"]!);
    }

    protected async Task<KubectlOutput> ReplayAsync(IReadOnlyList<RawResponse> responses, GetFlags flags)
    {
        foreach (var path in responses.Select(r => ResourcePath.Parse(r.Path).DiscoveryPath).Distinct())
        {
            if (discovery.ContainsKey(path)) continue;
            var document = await Api.GetAsync(path, ApiClient.JsonAccept);
            discovery[path] = JsonTree.Parse(document.Body)!["resources"]!.AsArray();
        }
        return GetReplay.Print(responses, flags, KindOf);
    }

    /// <summary>Asserts that the printers produce what kubectl printed, byte for byte.</summary>
    protected static void AssertSame(KubectlResult real, KubectlOutput printed)
    {
        Assert.Multiple(() =>
        {
            Assert.That(printed.Stdout, Is.EqualTo(real.Stdout), "stdout");
            Assert.That(printed.Stderr, Is.EqualTo(real.Stderr), "stderr");
            Assert.That(printed.ExitCode, Is.EqualTo(real.ExitCode), "exit code");
        });
    }

    private async Task<List<RawResponse>> FetchAllAsync(IEnumerable<string> paths, string accept)
    {
        var responses = new List<RawResponse>();
        foreach (var path in paths) responses.Add(await Api.GetAsync(path, accept));
        return responses;
    }

    private static async Task StartOfSecondAsync()
    {
        var intoSecond = DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond;
        if (intoSecond > TimeSpan.TicksPerSecond / 20) await Task.Delay(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - intoSecond + TimeSpan.TicksPerMillisecond * 5));
    }
}
