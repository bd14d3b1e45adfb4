using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using KubeLab.Testing;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// A learner's own machine: the kubeconfig the connect page gave them, saved in a directory of its own, the real
/// kubectl v1.33 run with it, and an HTTP client that trusts what the kubeconfig trusts (to send what kubectl would not).
/// </summary>
internal sealed partial class LearnerKubectl : IDisposable
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

    /// <summary>The kubeconfig's server, e.g. <c>https://127.0.0.1:40579/clusters/0a1b…</c>.</summary>
    public string Server => ServerLine().Match(Kubeconfig).Groups[1].Value;

    /// <summary>The connect endpoint (the server without the learner's path).</summary>
    public string Endpoint => Server[..Server.IndexOf("/clusters/", StringComparison.Ordinal)];

    public string ConnectId => Server[(Server.LastIndexOf('/') + 1)..];

    public string Token => TokenLine().Match(Kubeconfig).Groups[1].Value;

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
    public HttpClient HttpClient()
    {
        var ca = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(CaLine().Match(Kubeconfig).Groups[1].Value)));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A GET of <paramref name="url"/> exactly as written: .NET would otherwise remove its dot segments before sending.</summary>
    public static HttpRequestMessage RawGet(string url) =>
        new(HttpMethod.Get, new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex(@"^    server: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^    token: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"^    certificate-authority-data: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex CaLine();
}
