using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Clients;

/// <summary>
/// The learner's machine as an emulated client sees it: the kubeconfig they have, their working files,
/// environment variables, and the way to reach the cluster. The runner owns it; clients read it (and
/// <c>kubectl config use-context</c> replaces <see cref="Kubeconfig"/>).
/// </summary>
public sealed class ClientEnvironment
{
    /// <summary>The cluster the kubeconfig's server points at.</summary>
    public required Cluster Cluster { get; init; }

    /// <summary>Where a lesson run's API server is, as kubeadm's kubeconfig names it on a control-plane node.</summary>
    public const string DefaultServer = "https://127.0.0.1:6443";

    /// <summary>The server URL written in the kubeconfig (what kubectl's -v logs and curl show).</summary>
    public string Server { get; init; } = DefaultServer;

    /// <summary>The name of the kubeconfig's one cluster entry (<c>kubectl config view</c> shows it).</summary>
    public string ClusterName { get; init; } = "kubelab";

    public required Kubeconfig Kubeconfig { get; set; }

    /// <summary>Where the kubeconfig lives on the learner's machine (kubectl's <c>-v</c> logs name it).</summary>
    public string KubeconfigPath { get; init; } = "/home/learner/.kube/config";

    /// <summary>The learner's working directory: relative path → content.</summary>
    public Dictionary<string, string> Files { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Environment variables (<c>KUBECONFIG</c>, <c>KUBECTL_…</c>).</summary>
    public Dictionary<string, string> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Client certificates the cluster's CA issued, by user name (what a kubeconfig user's certificate refers to).</summary>
    public Dictionary<string, X509Certificate2> Certificates { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A connection to the API server, presenting <paramref name="clientCertificate"/> if given.</summary>
    public HttpMessageHandler Connect(X509Certificate2? clientCertificate = null) =>
        new InProcessHandler(Cluster.Api, new Uri(Server).Authority, clientCertificate);

    /// <summary>kubectl's discovery cache: warm after the first command, as on a learner's machine.</summary>
    public Dictionary<string, byte[]> DiscoveryCache { get; } = new(StringComparer.Ordinal);

    /// <summary>Servers the learner's own programs run on 127.0.0.1 (<c>kubectl proxy</c>), by port: where curl connects.</summary>
    public LocalListeners Listeners { get; } = new();

    /// <summary>Background terminals by name (a watch, <c>kubectl proxy</c>, <c>logs -f</c>).</summary>
    public Dictionary<string, BackgroundCommand> Background { get; } = new(StringComparer.Ordinal);


    /// <summary>
    /// Per-invocation ids (Kubectl-Session UUIDs, process ids in -v logs): seeded, so a lesson's
    /// transcript is the same on every run.
    /// </summary>
    public ClientIds Ids { get; init; } = new(seed: 0);

    /// <summary>
    /// Called when a client blocks on the cluster (delete's wait, <c>wait --for</c>, <c>rollout status</c>):
    /// lets the cluster move on, and returns false when nothing is left to happen (the client then gives
    /// up as it would at its timeout). The runner settles the controllers and moves the simulated clock to
    /// what is due next; the default only settles the controllers.
    /// </summary>
    public Func<CancellationToken, Task<bool>> AwaitProgress { get; set; }

    /// <summary>
    /// Called when a client sleeps (client-go waiting out a Retry-After): lets that much of the cluster's time pass.
    /// The runner moves its simulated clock as a lesson's waits do; by default a simulated clock is moved and a wall
    /// clock waited on.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task> PassTime { get; set; }

    public ClientEnvironment()
    {
        AwaitProgress = SettleControllersAsync;
        PassTime = SleepAsync;
    }

    private async Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (Cluster.Services.Clock is SimulatedClock simulated)
        {
            simulated.Advance(duration);
            await Cluster.Controllers.SettleAsync(cancellationToken: cancellationToken);
        }
        else await Task.Delay(duration, Cluster.Services.Clock, cancellationToken);
    }

    private async Task<bool> SettleControllersAsync(CancellationToken cancellationToken)
    {
        var before = Cluster.Store.Revision;
        await Cluster.Controllers.SettleAsync(cancellationToken: cancellationToken);
        return Cluster.Store.Revision != before;
    }
}

/// <summary>A command left running while later steps act; stopping it ends its output.</summary>
public sealed record BackgroundCommand(string Name, CommandOutput Output, Task<int> Completion, CancellationTokenSource Stop);

/// <summary>Deterministic stand-ins for what is random on a real machine.</summary>
public sealed class ClientIds(int seed)
{
    private readonly Random random = new(seed);
    private readonly Lock sync = new();
    private int processId = 24_601 + seed % 1000;

    /// <summary>A version-4 UUID, as Go's <c>uuid.New()</c> formats it.</summary>
    public string NewUuid()
    {
        var bytes = new byte[16];
        lock (sync) random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The process id of a new program run.</summary>
    public int NextProcessId()
    {
        lock (sync) return processId += 7;
    }
}
