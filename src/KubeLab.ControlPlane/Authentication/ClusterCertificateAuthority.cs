using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// The cluster CA (kubeadm's <c>/etc/kubernetes/pki/ca.crt</c>): it signs the serving certificate and the
/// client certificates users authenticate with, whose CN is the user name and whose O entries are groups.
/// Made on first use, with the cluster clock.
/// </summary>
public sealed class ClusterCertificateAuthority(TimeProvider clock)
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2", "Client Authentication");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1", "Server Authentication");
    private readonly Lazy<X509Certificate2> _ca = new(() => CreateCa(clock.GetUtcNow()));

    public X509Certificate2 Certificate => _ca.Value;

    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>A client certificate for <paramref name="user"/> in <paramref name="groups"/>, with its private key.</summary>
    public X509Certificate2 IssueClientCertificate(string user, IEnumerable<string> groups, TimeSpan? lifetime = null)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups) subject.AddOrganizationName(group);
        subject.AddCommonName(user);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuth], false));
        return Sign(request, key, lifetime ?? TimeSpan.FromDays(365));
    }

    /// <summary>The API server's serving certificate for 127.0.0.1, localhost and the in-cluster names.</summary>
    public X509Certificate2 IssueServingCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        names.AddDnsName("kubernetes");
        names.AddDnsName("kubernetes.default");
        names.AddDnsName("kubernetes.default.svc");
        names.AddDnsName("kubernetes.default.svc.cluster.local");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        var certificate = Sign(request, key, TimeSpan.FromDays(365));
        // Re-import so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Null if <paramref name="certificate"/> is a valid client certificate signed by this CA; otherwise why not.</summary>
    public string? Verify(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
        if (chain.Build(certificate)) return null;
        var status = chain.ChainStatus.Select(s => s.Status).Aggregate(X509ChainStatusFlags.NoError, (a, b) => a | b);
        return status.HasFlag(X509ChainStatusFlags.NotTimeValid) ? "x509: certificate has expired or is not yet valid"
            : status.HasFlag(X509ChainStatusFlags.NotValidForUsage) ? "x509: certificate specifies an incompatible key usage"
            : "x509: certificate signed by unknown authority";
    }

    private X509Certificate2 Sign(CertificateRequest request, ECDsa key, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using var signed = request.Create(Certificate, now.AddMinutes(-5), Min(now + lifetime, Certificate.NotAfter), serial);
        return signed.CopyWithPrivateKey(key);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static X509Certificate2 CreateCa(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
