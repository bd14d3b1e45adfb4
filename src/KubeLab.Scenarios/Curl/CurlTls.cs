using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane;
using KubeLab.Scenarios.Clients;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// curl's TLS handshake with the API server (OpenSSL 3.0 on Debian 12, against Go's crypto/tls): the client
/// certificate and CA file are loaded, the server's certificate — issued by the cluster CA — is checked
/// unless <c>-k</c>, and <c>-v</c> shows the handshake as curl does. Without <c>--cacert</c> curl trusts
/// only the system bundle, which does not hold the cluster CA: that is the classic exit 60.
/// </summary>
internal sealed class CurlTls(CurlOptions options, ClientEnvironment environment, CurlVerbose log)
{
    public const string SystemBundle = "/etc/ssl/certs/ca-certificates.crt";
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    /// <summary>The certificate to present (if any) and OpenSSL's verify result (0, or why it failed under <c>-k</c>).</summary>
    public sealed record Result(X509Certificate2? ClientCertificate, int VerifyResult);

    /// <summary>Runs the handshake. Throws <see cref="CurlFailure"/> where curl fails.</summary>
    public Result Handshake(CurlUrl url, Cluster cluster)
    {
        log.Info(options.Http11 ? "ALPN: offers http/1.1" : "ALPN: offers h2,http/1.1");
        var clientCertificate = options.Cert is { } cert ? LoadClientCertificate(cert, options.Key ?? cert) : null;
        var trusted = options.Insecure ? null : LoadTrust();
        log.Info("TLSv1.3 (OUT), TLS handshake, Client hello (1):");
        if (!options.Insecure)
        {
            log.Info($" CAfile: {options.CaCert ?? SystemBundle}");
            log.Info(" CApath: /etc/ssl/certs");
        }
        log.Info("TLSv1.3 (IN), TLS handshake, Server hello (2):");
        log.Info("TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):");
        log.Info("TLSv1.3 (IN), TLS handshake, Request CERT (13):");
        log.Info("TLSv1.3 (IN), TLS handshake, Certificate (11):");

        var server = cluster.Authentication.ServingCertificate;
        var problem = Verify(server, trusted, cluster.Services.Clock.GetUtcNow());
        if (!options.Insecure && problem is { } failed)
        {
            log.Info($"TLSv1.3 (OUT), TLS alert, {failed.Alert}:");
            throw CurlFailure.PeerVerification(failed.Reason);
        }
        log.Info("TLSv1.3 (IN), TLS handshake, CERT verify (15):");
        log.Info("TLSv1.3 (IN), TLS handshake, Finished (20):");
        log.Info("TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):");
        log.Info("TLSv1.3 (OUT), TLS handshake, Certificate (11):");
        if (clientCertificate is not null) log.Info("TLSv1.3 (OUT), TLS handshake, CERT verify (15):");
        log.Info("TLSv1.3 (OUT), TLS handshake, Finished (20):");
        // Go's server prefers AES-128-GCM when both ends have AES hardware.
        log.Info("SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256");
        log.Info("ALPN: server accepted http/1.1");
        log.Info("Server certificate:");
        log.Info($" subject: {server.Subject}");
        log.Info($" start date: {OpenSslDate(server.NotBefore)}");
        log.Info($" expire date: {OpenSslDate(server.NotAfter)}");
        if (!options.Insecure)
            log.Info(IPAddress.TryParse(url.Host, out _)
                ? $" subjectAltName: host \"{url.Host}\" matched cert's IP address!"
                : $" subjectAltName: host \"{url.Host}\" matched cert's \"{url.Host}\"");
        log.Info($" issuer: {server.Issuer}");
        log.Info(problem is { } ignored ? $" SSL certificate verify result: {ignored.Reason} ({ignored.Code}), continuing anyway." : " SSL certificate verify ok.");
        log.Info("using HTTP/1.1");
        return new Result(clientCertificate, problem?.Code ?? 0);
    }

    /// <summary>Go sends one session ticket after the handshake; curl reads it with the response.</summary>
    public void SessionTicket() => log.Info("TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):");

    private X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        const string Hint = ", (no key found, wrong pass phrase, or wrong file format?)";
        if (environment.ReadFile(certFile) is not { } certPem)
            throw CurlFailure.ClientCertificate($"could not load PEM client certificate from {certFile}, OpenSSL error error:80000002:system library::No such file or directory{Hint}");
        if (!certPem.Contains("-----BEGIN CERTIFICATE-----"))
            throw CurlFailure.ClientCertificate($"could not load PEM client certificate from {certFile}, OpenSSL error error:0480006C:PEM routines::no start line{Hint}");
        if (environment.ReadFile(keyFile) is not { } keyPem || !keyPem.Contains("PRIVATE KEY-----"))
            throw CurlFailure.ClientCertificate($"unable to set private key file: '{keyFile}' type PEM");
        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException)
        {
            throw CurlFailure.ClientCertificate("Private key does not match the certificate public key");
        }
    }

    /// <summary>The certificates curl trusts: the <c>--cacert</c> file, or none of the cluster's (the system bundle).</summary>
    private X509Certificate2Collection LoadTrust()
    {
        var trusted = new X509Certificate2Collection();
        if (options.CaCert is not { } file) return trusted;
        try
        {
            trusted.ImportFromPem(environment.ReadFile(file) ?? "");
        }
        catch (CryptographicException)
        {
            throw CurlFailure.CaFile(file);
        }
        return trusted.Count > 0 ? trusted : throw CurlFailure.CaFile(file);
    }

    private sealed record Problem(string Reason, int Code, string Alert);

    /// <summary>OpenSSL's verdict on the server's certificate (X509_V_ERR_*), null when it verifies.</summary>
    private static Problem? Verify(X509Certificate2 server, X509Certificate2Collection? trusted, DateTimeOffset now)
    {
        var unknownIssuer = new Problem("unable to get local issuer certificate", 20, "unknown CA (560)");
        if (trusted is null or { Count: 0 }) return unknownIssuer;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuth);
        if (chain.Build(server)) return null;
        var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if (status.HasFlag(X509ChainStatusFlags.NotTimeValid))
            return now < server.NotBefore ? new Problem("certificate is not yet valid", 9, "bad certificate (554)") : new Problem("certificate has expired", 10, "certificate expired (557)");
        return unknownIssuer;
    }

    /// <summary>ASN1_TIME_print: <c>Nov 21 11:16:26 2026 GMT</c>, the day padded to two.</summary>
    private static string OpenSslDate(DateTime local)
    {
        var utc = local.ToUniversalTime();
        return $"{utc:MMM} {utc.Day,2} {utc:HH:mm:ss} {utc.Year} GMT";
    }
}
