using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// Client certificates presented during the TLS handshake (apiserver's request/x509): one signed by the
/// cluster CA authenticates as its Common Name, with each Organization as a group. A certificate the CA
/// did not sign, or that has expired, fails the request (401) rather than making it anonymous.
/// </summary>
public sealed class X509Authenticator(ClusterCertificateAuthority ca) : IRequestAuthenticator
{
    public string Name => "x509 client certificate";

    public AuthenticationResult Authenticate(HttpContext http)
    {
        var certificate = http.Connection.ClientCertificate;
        if (certificate is null) return AuthenticationResult.NotApplicable("no client certificate was presented");
        if (ca.Verify(certificate) is { } problem)
            return AuthenticationResult.Failed($"verifying certificate \"{certificate.Subject}\" failed: {problem}");
        var (name, groups) = Identity(certificate);
        if (name.Length == 0) return AuthenticationResult.Failed("the client certificate has no Common Name");
        return AuthenticationResult.Authenticated(new UserInfo(name, groups), $"client certificate \"{certificate.Subject}\" signed by the cluster CA");
    }

    /// <summary>CN is the user, each O a group, in certificate order.</summary>
    public static (string Name, List<string> Groups) Identity(X509Certificate2 certificate)
    {
        var name = "";
        var groups = new List<string>();
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var oid = rdn.GetSingleElementType().Value;
            var value = rdn.GetSingleElementValue() ?? "";
            if (oid == "2.5.4.3") name = value;
            else if (oid == "2.5.4.10") groups.Add(value);
        }
        return (name, groups);
    }
}
