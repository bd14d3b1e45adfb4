using KubeLab.Scenarios.Tests.Http;

namespace KubeLab.Scenarios.Tests.Curl;

/// <summary>curl against the API server's TLS: trust, client certificates, and what -v shows of the handshake.</summary>
public class CurlTlsTests
{
    private const string Advice = """
        More details here: https://curl.se/docs/sslcerts.html

        curl failed to verify the legitimacy of the server and therefore could not
        establish a secure connection to it. To learn more about this situation and
        how to fix it, please visit the web page mentioned above.

        """;

    [Test]
    public async Task WithoutTheClusterCaTheServerIsNotTrusted()
    {
        var result = await new CurlHarness().Run("curl https://127.0.0.1:6443/version");
        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(60));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Is.EqualTo("curl: (60) SSL certificate problem: unable to get local issuer certificate\n" + Advice));
            Assert.That(result.Exchanges, Is.Empty, "the handshake failed: no request reached the API server");
        });
    }

    [Test]
    public async Task SilentHidesTheErrorAndShowErrorBringsItBack()
    {
        var harness = new CurlHarness();
        var silent = await harness.Run("curl -s https://127.0.0.1:6443/version");
        var shown = await harness.Run("curl -sS https://127.0.0.1:6443/version");
        Assert.That((silent.Exit, silent.Stderr), Is.EqualTo((60, "")));
        Assert.That((shown.Exit, shown.Stderr), Is.EqualTo((60, "curl: (60) SSL certificate problem: unable to get local issuer certificate\n" + Advice)));
    }

    [Test]
    public async Task VerboseShowsTheHandshakeFailing()
    {
        var result = await new CurlHarness().Run("curl -v https://127.0.0.1:6443/version");
        Assert.That(result.Stderr, Is.EqualTo("""
            *   Trying 127.0.0.1:6443...
            * Connected to 127.0.0.1 (127.0.0.1) port 6443 (#0)
            * ALPN: offers h2,http/1.1
            * TLSv1.3 (OUT), TLS handshake, Client hello (1):
            *  CAfile: /etc/ssl/certs/ca-certificates.crt
            *  CApath: /etc/ssl/certs
            * TLSv1.3 (IN), TLS handshake, Server hello (2):
            * TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):
            * TLSv1.3 (IN), TLS handshake, Request CERT (13):
            * TLSv1.3 (IN), TLS handshake, Certificate (11):
            * TLSv1.3 (OUT), TLS alert, unknown CA (560):
            * SSL certificate problem: unable to get local issuer certificate
            * Closing connection 0
            curl: (60) SSL certificate problem: unable to get local issuer certificate

            """ + Advice));
    }

    [Test]
    public async Task TheClusterCaVerifiesTheServer()
    {
        var result = await new CurlHarness().Run("curl -v --cacert ca.crt https://127.0.0.1:6443/version");
        var body = result.Stdout;
        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(0));
            Assert.That(body, Does.StartWith("{\n  \"major\": \"1\",\n  \"minor\": \"33\","));
            Assert.That(result.Stderr, Is.EqualTo($"""
                *   Trying 127.0.0.1:6443...
                * Connected to 127.0.0.1 (127.0.0.1) port 6443 (#0)
                * ALPN: offers h2,http/1.1
                * TLSv1.3 (OUT), TLS handshake, Client hello (1):
                *  CAfile: ca.crt
                *  CApath: /etc/ssl/certs
                * TLSv1.3 (IN), TLS handshake, Server hello (2):
                * TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):
                * TLSv1.3 (IN), TLS handshake, Request CERT (13):
                * TLSv1.3 (IN), TLS handshake, Certificate (11):
                * TLSv1.3 (IN), TLS handshake, CERT verify (15):
                * TLSv1.3 (IN), TLS handshake, Finished (20):
                * TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):
                * TLSv1.3 (OUT), TLS handshake, Certificate (11):
                * TLSv1.3 (OUT), TLS handshake, Finished (20):
                * SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256
                * ALPN: server accepted http/1.1
                * Server certificate:
                *  subject: CN=kube-apiserver
                *  start date: Nov 21 09:41:54 2026 GMT
                *  expire date: Nov 21 09:46:54 2027 GMT
                *  subjectAltName: host "127.0.0.1" matched cert's IP address!
                *  issuer: CN=kubernetes
                *  SSL certificate verify ok.
                * using HTTP/1.1

                """ + Crlf.Head("""
                > GET /version HTTP/1.1
                > Host: 127.0.0.1:6443
                > User-Agent: curl/7.88.1
                > Accept: */*
                > 

                """) + "* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n" + Crlf.Head($"""
                < HTTP/1.1 200 OK
                < Audit-Id: {result.Header("Audit-Id")}
                < Cache-Control: no-cache, private
                < Content-Type: application/json
                < X-Kubernetes-Pf-Flowschema-Uid: {result.Header("X-Kubernetes-Pf-Flowschema-Uid")}
                < X-Kubernetes-Pf-Prioritylevel-Uid: {result.Header("X-Kubernetes-Pf-Prioritylevel-Uid")}
                < Date: Sat, 21 Nov 2026 09:46:54 GMT
                < Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}
                < 

                """) + "* Connection #0 to host 127.0.0.1 left intact\n"));
        });
    }

    [Test]
    public async Task LocalhostMatchesTheCertificatesDnsName()
    {
        var result = await new CurlHarness().Run("curl -v --cacert ./ca.crt https://localhost:6443/version");
        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(0));
            Assert.That(result.Stderr, Does.Contain("* Connected to localhost (127.0.0.1) port 6443 (#0)\n"));
            Assert.That(result.Stderr, Does.Contain("*  subjectAltName: host \"localhost\" matched cert's \"localhost\"\n"));
            Assert.That(result.Stderr, Does.Contain("> Host: localhost:6443\r\n"));
            Assert.That(result.Stderr, Does.EndWith("* Connection #0 to host localhost left intact\n"));
        });
    }

    [Test]
    public async Task InsecureSkipsVerificationAndSaysSo()
    {
        var result = await new CurlHarness().Run("curl -k -v https://127.0.0.1:6443/version");
        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(0));
            Assert.That(result.Stderr, Does.Not.Contain("CAfile"));
            Assert.That(result.Stderr, Does.Not.Contain("subjectAltName"));
            Assert.That(result.Stderr, Does.Contain("""
                *  issuer: CN=kubernetes
                *  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.
                * using HTTP/1.1

                """));
        });
    }

    [Test]
    public async Task AClientCertificateAuthenticatesItsUser()
    {
        var result = await new CurlHarness().Run("curl -v --cacert ca.crt --cert kubernetes-admin.crt --key kubernetes-admin.key https://127.0.0.1:6443/api/v1/namespaces/default");
        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(0));
            Assert.That(result.Exchange.StatusCode, Is.EqualTo(200));
            Assert.That(result.Exchange.User.Name, Is.EqualTo("kubernetes-admin"));
            Assert.That(result.Stderr, Does.Contain("""
                * TLSv1.3 (OUT), TLS handshake, Certificate (11):
                * TLSv1.3 (OUT), TLS handshake, CERT verify (15):
                * TLSv1.3 (OUT), TLS handshake, Finished (20):

                """));
            Assert.That(result.Stdout, Does.StartWith("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"default","""));
        });
    }

    [Test]
    public async Task WithoutCredentialsTheRequestIsAnonymous()
    {
        var result = await new CurlHarness().Run("curl -k https://127.0.0.1:6443/api/v1/namespaces");
        Assert.That(result.Exit, Is.EqualTo(0), "an HTTP error is not a curl error");
        Assert.That(result.Stdout, Is.EqualTo("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespaces is forbidden: User \"system:anonymous\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope","reason":"Forbidden","details":{"kind":"namespaces"},"code":403}

            """));
    }

    [TestCase("curl -k --cert nope.crt https://127.0.0.1:6443/version",
        "curl: (58) could not load PEM client certificate from nope.crt, OpenSSL error error:80000002:system library::No such file or directory, (no key found, wrong pass phrase, or wrong file format?)\n")]
    [TestCase("curl -k --cert kubernetes-admin.key --key kubernetes-admin.key https://127.0.0.1:6443/version",
        "curl: (58) could not load PEM client certificate from kubernetes-admin.key, OpenSSL error error:0480006C:PEM routines::no start line, (no key found, wrong pass phrase, or wrong file format?)\n")]
    [TestCase("curl -k --cert kubernetes-admin.crt https://127.0.0.1:6443/version", "curl: (58) unable to set private key file: 'kubernetes-admin.crt' type PEM\n")]
    [TestCase("curl -k --cert kubernetes-admin.crt --key nope.key https://127.0.0.1:6443/version", "curl: (58) unable to set private key file: 'nope.key' type PEM\n")]
    [TestCase("curl --cacert nope.crt https://127.0.0.1:6443/version", "curl: (77) error setting certificate file: nope.crt\n")]
    [TestCase("curl --cacert kubernetes-admin.key https://127.0.0.1:6443/version", "curl: (77) error setting certificate file: kubernetes-admin.key\n")]
    public async Task CertificateFileErrors(string command, string stderr)
    {
        var result = await new CurlHarness().Run(command);
        Assert.That((result.Exit, result.Stderr, result.Exchanges.Count), Is.EqualTo((int.Parse(stderr[7..9]), stderr, 0)));
    }

    [Test]
    public async Task ACertificateErrorInVerboseMode()
    {
        var result = await new CurlHarness().Run("curl -k -v --cert kubernetes-admin.crt --key nope.key https://127.0.0.1:6443/version");
        Assert.That(result.Stderr, Is.EqualTo("""
            *   Trying 127.0.0.1:6443...
            * Connected to 127.0.0.1 (127.0.0.1) port 6443 (#0)
            * ALPN: offers h2,http/1.1
            * unable to set private key file: 'nope.key' type PEM
            * Closing connection 0
            curl: (58) unable to set private key file: 'nope.key' type PEM

            """));
    }

    [Test]
    public async Task AnExpiredServerCertificateFailsVerification()
    {
        var harness = new CurlHarness();
        _ = harness.Cluster.Authentication.ServingCertificate;
        harness.Clock.Advance(TimeSpan.FromDays(400));
        var result = await harness.Run("curl --cacert ca.crt https://127.0.0.1:6443/version");
        Assert.That((result.Exit, result.Stderr), Is.EqualTo((60, "curl: (60) SSL certificate problem: certificate has expired\n" + Advice)));
    }
}
