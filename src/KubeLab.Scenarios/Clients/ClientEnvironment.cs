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

    /// <summary>The server URL written in the kubeconfig (what kubectl's -v logs and curl show).</summary>
    public string Server { get; init; } = "https://127.0.0.1:6443";

    public required Kubeconfig Kubeconfig { get; set; }

    /// <summary>The learner's working directory: relative path → content.</summary>
    public Dictionary<string, string> Files { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Client certificates the cluster's CA issued, by user name (what a kubeconfig user's certificate refers to).</summary>
    public Dictionary<string, X509Certificate2> Certificates { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A connection to the API server, presenting <paramref name="clientCertificate"/> if given.</summary>
    public HttpMessageHandler Connect(X509Certificate2? clientCertificate = null) =>
        new InProcessHandler(Cluster.Api, new Uri(Server).Authority, clientCertificate);

    /// <summary>kubectl's discovery cache: warm after the first command, as on a learner's machine.</summary>
    public Dictionary<string, byte[]> DiscoveryCache { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Called by a client that waits for the cluster to change (a delete's wait, <c>kubectl wait</c>, a watch):
    /// in a lesson run it lets the controllers settle and then moves the simulated clock a little, so time
    /// passes only while someone waits and replays stay identical; when serving it is a short real delay.
    /// </summary>
    public Func<CancellationToken, Task> AwaitClusterProgress { get; set; } = token => Task.Delay(100, token);

    /// <summary>Servers the learner's own programs run on 127.0.0.1 (<c>kubectl proxy</c>), by port: where curl connects.</summary>
    public LocalListeners Listeners { get; } = new();

    /// <summary>Background terminals by name (a watch, <c>kubectl proxy</c>, <c>logs -f</c>).</summary>
    public Dictionary<string, BackgroundCommand> Background { get; } = new(StringComparer.Ordinal);
}

/// <summary>A command left running while later steps act; stopping it ends its output.</summary>
public sealed record BackgroundCommand(string Name, CommandOutput Output, Task<int> Completion, CancellationTokenSource Stop);
