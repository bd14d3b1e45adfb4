using KubeLab.Testing;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// A learner's own machine: the kubeconfig the connect page gave them, saved in a directory of its own, the real
/// kubectl v1.33 run with it, and an HTTP client that trusts what the kubeconfig trusts (to send what kubectl would not).
/// </summary>
internal sealed class LearnerKubectl : IDisposable
{
    private readonly string _directory;

    private LearnerKubectl(string directory, string kubeconfig, Kubectl kubectl)
    {
        _directory = directory;
        Kubeconfig = kubeconfig;
        Kubectl = kubectl;
    }

    public string Kubeconfig { get; }

    public Kubectl Kubectl { get; }

    private LearnerKubeconfig Parsed => new(Kubeconfig);

    /// <summary>The kubeconfig's server, e.g. <c>https://127.0.0.1:40579/clusters/0a1b…</c>.</summary>
    public string Server => Parsed.Server;

    /// <summary>The connect endpoint (the server without the learner's path).</summary>
    public string Endpoint => Parsed.Endpoint;

    public string ConnectId => Parsed.ConnectId;

    public string Token => Parsed.Token;

    public static async Task<LearnerKubectl> SaveAsync(string kubeconfig)
    {
        var directory = Directory.CreateTempSubdirectory("kubelab-learner-").FullName;
        var path = Path.Combine(directory, "kubelab.kubeconfig");
        await File.WriteAllTextAsync(path, kubeconfig);
        var kubectl = new Kubectl(await KubectlBinary.GetPathAsync(), path, Path.Combine(directory, "cache"), directory);
        return new LearnerKubectl(directory, kubeconfig, kubectl);
    }

    /// <summary>This kubeconfig's token sent to another learner's cluster: the same file with the other's connect id.</summary>
    public Task<LearnerKubectl> WithConnectIdOfAsync(LearnerKubectl other) => SaveAsync(Kubeconfig.Replace(ConnectId, other.ConnectId));

    public Task<KubectlResult> RunAsync(params string[] args) => Kubectl.RunAsync(args);

    /// <summary>
    /// An HTTP client that trusts only the kubeconfig's CA and sends its token, for requests kubectl cannot send
    /// (a path as typed, dot segments and all).
    /// </summary>
    public HttpClient HttpClient() => Parsed.HttpClient();

    /// <summary>A GET of <paramref name="url"/> exactly as written: .NET would otherwise remove its dot segments before sending.</summary>
    public static HttpRequestMessage RawGet(string url) =>
        new(HttpMethod.Get, new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
