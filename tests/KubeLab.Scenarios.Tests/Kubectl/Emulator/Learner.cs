using KubeLab.ControlPlane;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Tests.Kubectl.Emulator;

/// <summary>A lesson-like learner: a seeded cluster on a still clock, an admin kubeconfig, and the emulated kubectl.</summary>
internal sealed class Learner
{
    public const string Token = "learner-admin-token";

    public Learner(Func<ClientEnvironment, Func<CancellationToken, Task<bool>>>? progress = null, TimeProvider? clock = null, ClusterLimits? limits = null)
    {
        Cluster = new Cluster(new ClusterOptions { Clock = clock ?? new StillClock(), Seed = 1, Limits = limits ?? ClusterLimits.Default });
        Cluster.Authentication.AddTokenUser(Token, "kubernetes-admin", "kubeadm:cluster-admins");
        var kubeconfig = new Kubeconfig("kubelab", [new KubeconfigContext("kubelab", "admin", "default")], [new KubeconfigUser("admin", Token, null)]);
        Environment = progress is null
            ? new ClientEnvironment { Cluster = Cluster, Kubeconfig = kubeconfig }
            : CreateWithProgress(kubeconfig, progress);
    }

    private ClientEnvironment CreateWithProgress(Kubeconfig kubeconfig, Func<ClientEnvironment, Func<CancellationToken, Task<bool>>> progress)
    {
        ClientEnvironment? environment = null;
        environment = new ClientEnvironment { Cluster = Cluster, Kubeconfig = kubeconfig, AwaitProgress = ct => progress(environment!)(ct) };
        return environment;
    }

    public Cluster Cluster { get; }
    public ClientEnvironment Environment { get; }

    public async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var output = new CommandOutput();
        var exit = await new KubectlCommand().RunAsync(args, Environment, output, CancellationToken.None);
        return (exit, output.Stdout.ToString(), output.Stderr.ToString());
    }

    /// <summary>A request as the admin, behind kubectl's back.</summary>
    public static async Task<int> SendAsync(Cluster cluster, HttpMethod method, string path, string json, string contentType = "application/merge-patch+json")
    {
        using var http = new HttpClient(new ControlPlane.Http.InProcess.InProcessHandler(cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, contentType) };
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private sealed class StillClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
