using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// How one cluster tells who is asking: its CA, its static tokens, its service account token issuer, and
/// the chain that tries them in kube-apiserver's order (client certificate, then bearer token, then
/// anonymous). Lessons and <c>kubelab serve</c> declare users here.
/// </summary>
public sealed class ClusterAuthentication
{
    private readonly Lazy<X509Certificate2> _serving;

    public ClusterAuthentication(VersionedStore store, ClusterServices services)
    {
        CertificateAuthority = new ClusterCertificateAuthority(services.Clock);
        _serving = new Lazy<X509Certificate2>(CertificateAuthority.IssueServingCertificate);
        ServiceAccountTokens = new ServiceAccountTokens(store, services);
        BearerTokens = new BearerTokenAuthenticator([Tokens, ServiceAccountTokens]);
        Chain = new UnionAuthenticator([new X509Authenticator(CertificateAuthority), BearerTokens]);
    }

    public ClusterCertificateAuthority CertificateAuthority { get; }

    /// <summary>
    /// The API server's serving certificate, issued by the CA on first use: what a client's TLS handshake
    /// is shown and verifies (in-process clients that emulate TLS, such as curl's <c>--cacert</c>).
    /// </summary>
    public X509Certificate2 ServingCertificate => _serving.Value;
    public TokenAuthenticator Tokens { get; } = new();
    public ServiceAccountTokens ServiceAccountTokens { get; }
    public BearerTokenAuthenticator BearerTokens { get; }
    public UnionAuthenticator Chain { get; }

    /// <summary>Declares a user who authenticates with a static bearer token.</summary>
    public UserInfo AddTokenUser(string token, string name, params string[] groups)
    {
        var user = new UserInfo(name, groups);
        Tokens.AddToken(token, user);
        return user;
    }

    /// <summary>A client certificate (with its key) for a user: CN = <paramref name="name"/>, O = each group.</summary>
    public X509Certificate2 IssueClientCertificate(string name, params string[] groups) =>
        CertificateAuthority.IssueClientCertificate(name, groups);
}
