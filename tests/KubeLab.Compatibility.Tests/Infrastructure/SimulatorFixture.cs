using NUnit.Framework.Interfaces;

namespace KubeLab.Compatibility.Tests.Infrastructure;

/// <summary>
/// Base class: one simulator for the whole test class, driven through the real kubectl.
/// Tests share that simulator, so each one creates its own uniquely named objects
/// (or only reads objects the class creates in its own [OneTimeSetUp]).
/// </summary>
public abstract class SimulatorFixture
{
    private const int DiagnosticTailLength = 4000;

    protected SimulatorProcess Simulator { get; private set; } = null!;

    protected Kubectl Kubectl { get; private set; } = null!;

    /// <summary>Extra `kubelab serve` options for this class's simulator (e.g. `--user jane:dev`).</summary>
    protected virtual string[] ServeArguments => [];

    [OneTimeSetUp]
    public async Task StartSimulatorAsync()
    {
        var kubectlPath = await KubectlBinary.GetPathAsync();
        Simulator = await SimulatorProcess.StartAsync(ServeArguments);
        var home = Directory.CreateDirectory(Path.Combine(Simulator.Directory, "home")).FullName;
        Kubectl = new Kubectl(kubectlPath, Simulator.KubeconfigPath, Path.Combine(Simulator.Directory, "kubectl-cache"), home);
    }

    [OneTimeTearDown]
    public async Task StopSimulatorAsync()
    {
        if (Simulator is not null)
            await Simulator.DisposeAsync();
    }

    [TearDown]
    public void ShowServerOutputOnFailure()
    {
        if (Simulator is null || TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
            return;
        var log = Simulator.Output;
        if (log.Length > DiagnosticTailLength)
            log = "…" + log[^DiagnosticTailLength..];
        TestContext.Out.WriteLine($"--- kubelab serve output (port {Simulator.Port}) ---\n{log}");
    }

    /// <summary>A DNS-1123 name unique within this run, e.g. `ns-3f9a1c`.</summary>
    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 7)];

    /// <summary>A fresh directory for a test's manifest files.</summary>
    protected string NewWorkDirectory() =>
        Directory.CreateDirectory(Path.Combine(Simulator.Directory, "work", UniqueName("t"))).FullName;

    /// <summary>Creates a namespace of its own for one test and checks kubectl's answer.</summary>
    protected async Task<string> CreateNamespaceAsync(string prefix = "ns")
    {
        var name = UniqueName(prefix);
        Assert.That(await Kubectl.RunAsync("create", "namespace", name),
            Is.EqualTo(KubectlResult.Success($"namespace/{name} created\n")), $"creating namespace {name}");
        return name;
    }

    /// <summary>`kubectl run NAME --image=IMAGE -n NAMESPACE`, checked.</summary>
    protected async Task RunPodAsync(string name, string image, string @namespace)
    {
        Assert.That(await Kubectl.RunAsync("run", name, $"--image={image}", "-n", @namespace),
            Is.EqualTo(KubectlResult.Success($"pod/{name} created\n")), $"creating pod {@namespace}/{name}");
    }
}
