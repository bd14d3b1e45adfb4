using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// What the kubeconfig the site gives a learner says: where their cluster is, their token, the CA to trust; and an
/// HTTP client that trusts only that CA, to send what kubectl would not.
/// </summary>
internal sealed partial record LearnerKubeconfig(string Text)
{
    /// <summary>The kubeconfig's server, e.g. <c>https://127.0.0.1:40579/clusters/0a1b…</c>.</summary>
    public string Server => ServerLine().Match(Text).Groups[1].Value;

    /// <summary>The connect endpoint (the server without the learner's path).</summary>
    public string Endpoint => Server[..Server.IndexOf("/clusters/", StringComparison.Ordinal)];

    public string ConnectId => Server[(Server.LastIndexOf('/') + 1)..];

    public string Token => TokenLine().Match(Text).Groups[1].Value;

    public X509Certificate2 Ca => X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(CaLine().Match(Text).Groups[1].Value)));

    /// <summary>An HTTP client that trusts only the kubeconfig's CA, and sends its token unless told not to.</summary>
    public HttpClient HttpClient(bool withToken = true)
    {
        var ca = Ca;
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
        if (withToken) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    [GeneratedRegex(@"^    server: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^    token: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"^    certificate-authority-data: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex CaLine();
}
