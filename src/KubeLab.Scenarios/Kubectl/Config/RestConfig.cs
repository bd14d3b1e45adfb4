using System.Security.Cryptography.X509Certificates;

namespace KubeLab.Scenarios.Kubectl.Config;

/// <summary>
/// Where and as whom kubectl talks, once the kubeconfig and the global flags are merged (client-go's
/// <c>rest.Config</c>): the server, the namespace, and the credentials it sends (only over TLS).
/// </summary>
internal sealed record RestConfig(Uri Server, string Namespace)
{
    public bool Secure => Server.Scheme == Uri.UriSchemeHttps;

    /// <summary>The namespace came from <c>-n</c>, not from the context.</summary>
    public bool NamespaceFromFlag { get; init; }

    public string? Token { get; init; }
    public X509Certificate2? Certificate { get; init; }
    public (string User, string Password)? Basic { get; init; }

    /// <summary>Over TLS with nothing to identify the user by, kubectl prompts for a user name (and reads stdin).</summary>
    public bool PromptsForCredentials { get; init; }

    /// <summary>The CA the kubeconfig trusts (PEM), null for none; with <see cref="Insecure"/> nothing is checked.</summary>
    public string? CertificateAuthorityPem { get; init; }
    public bool Insecure { get; init; }

    public string? ImpersonateUser { get; init; }
    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];
    public string? ImpersonateUid { get; init; }

    /// <summary><c>127.0.0.1:6443</c>: the Host header, and the discovery cache's folder name.</summary>
    public string HostPort => Server.IsDefaultPort ? Server.Host : $"{Server.Host}:{Server.Port}";
}
