using System.Net;
using System.Text;
using KubeLab.Scenarios.Tests.Http;

namespace KubeLab.Scenarios.Tests.Curl;

/// <summary>Where curl connects: the API server, a local listener such as kubectl proxy, or nothing.</summary>
public class CurlConnectionTests
{
    [Test]
    public async Task NothingListensOnTheProxyPort()
    {
        var harness = new CurlHarness();
        var result = await harness.Run("curl http://127.0.0.1:8001/api");
        var verbose = await harness.Run("curl -v http://127.0.0.1:8001/api");
        Assert.That((result.Exit, result.Stdout, result.Stderr), Is.EqualTo((7, "", "curl: (7) Failed to connect to 127.0.0.1 port 8001 after 0 ms: Couldn't connect to server\n")));
        Assert.That(verbose.Stderr, Is.EqualTo("""
            *   Trying 127.0.0.1:8001...
            * connect to 127.0.0.1 port 8001 failed: Connection refused
            * Failed to connect to 127.0.0.1 port 8001 after 0 ms: Couldn't connect to server
            * Closing connection 0
            curl: (7) Failed to connect to 127.0.0.1 port 8001 after 0 ms: Couldn't connect to server

            """));
    }

    [Test]
    public async Task AnUnknownHostDoesNotResolve()
    {
        var result = await new CurlHarness().Run("curl https://kubernetes.default.svc/api");
        Assert.That((result.Exit, result.Stderr), Is.EqualTo((6, "curl: (6) Could not resolve host: kubernetes.default.svc\n")));
    }

    [Test]
    public async Task ABadUrl()
    {
        var result = await new CurlHarness().Run("curl http://127.0.0.1:99999/api");
        Assert.That((result.Exit, result.Stderr), Is.EqualTo((3, "curl: (3) URL using bad/illegal format or missing URL\n")));
    }

    [Test]
    public async Task PlainHttpToTheTlsPortGetsGosAnswer()
    {
        var result = await new CurlHarness().Run("curl -v http://127.0.0.1:6443/api");
        Assert.Multiple(() =>
        {
            Assert.That((result.Exit, result.Stdout), Is.EqualTo((0, "Client sent an HTTP request to an HTTPS server.\n")));
            Assert.That(result.Exchanges, Is.Empty, "the TLS layer answered, not the API server");
            Assert.That(result.Stderr, Is.EqualTo("""
                *   Trying 127.0.0.1:6443...
                * Connected to 127.0.0.1 (127.0.0.1) port 6443 (#0)

                """ + Crlf.Head("""
                > GET /api HTTP/1.1
                > Host: 127.0.0.1:6443
                > User-Agent: curl/7.88.1
                > Accept: */*
                > 

                """) + "* HTTP 1.0, assume close after body\n" + Crlf.Head("""
                < HTTP/1.0 400 Bad Request
                < 

                """) + "* Closing connection 0\n"));
        });
    }

    [Test]
    public async Task ARegisteredListenerAnswersAndItsHeadersAreWrittenAsGoWritesThem()
    {
        var harness = new CurlHarness();
        var proxy = new FakeProxy();
        Assert.That(harness.Environment.Listeners.TryListen(8001, proxy));
        Assert.That(harness.Environment.Listeners.TryListen(8001, new FakeProxy()), Is.False, "the port is taken");
        var result = await harness.Run("curl -v http://127.0.0.1:8001/api?timeout=32s");
        Assert.Multiple(() =>
        {
            Assert.That((result.Exit, result.Stdout), Is.EqualTo((0, "{\"kind\":\"APIVersions\"}\n")));
            Assert.That(proxy.Seen!.RequestUri, Is.EqualTo(new Uri("http://127.0.0.1:8001/api?timeout=32s")));
            Assert.That(proxy.Seen.Headers.Host, Is.EqualTo("127.0.0.1:8001"));
            Assert.That(result.Stderr, Is.EqualTo("""
                *   Trying 127.0.0.1:8001...
                * Connected to 127.0.0.1 (127.0.0.1) port 8001 (#0)

                """ + Crlf.Head("""
                > GET /api?timeout=32s HTTP/1.1
                > Host: 127.0.0.1:8001
                > User-Agent: curl/7.88.1
                > Accept: */*
                > 
                < HTTP/1.1 200 OK
                < Audit-Id: 1
                < Cache-Control: no-cache, private
                < Content-Length: 23
                < Content-Type: application/json
                < Date: Sat, 21 Nov 2026 09:46:54 GMT
                < 

                """) + "* Connection #0 to host 127.0.0.1 left intact\n"));
        });

        harness.Environment.Listeners.Close(8001, proxy);
        Assert.That((await harness.Run("curl http://localhost:8001/api")).Exit, Is.EqualTo(7));
    }

    [Test]
    public async Task AListenersAnswerWrittenWholeGetsTheLengthGosServerGivesIt()
    {
        var harness = new CurlHarness();
        harness.Environment.Listeners.TryListen(8001, new RefusingProxy());
        var result = await harness.Run("curl -i http://127.0.0.1:8001/api/v1/namespaces/default/pods/x/exec");
        Assert.That(result.Stdout.Replace("\r\n", "\n"), Does.Match(
            "^HTTP/1.1 403 Forbidden\nContent-Type: text/plain; charset=utf-8\nX-Content-Type-Options: nosniff\nDate: [^\n]+ GMT\nContent-Length: 10\n\nForbidden\n$"));
    }

    [Test]
    public async Task HttpsToAPlainListener()
    {
        var harness = new CurlHarness();
        harness.Environment.Listeners.TryListen(8001, new FakeProxy());
        var result = await harness.Run("curl -k https://127.0.0.1:8001/api");
        Assert.That((result.Exit, result.Stderr), Is.EqualTo((35, "curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number\n")));
    }

    [Test]
    public async Task AProtocolCurlWasNotBuiltForHere()
    {
        var result = await new CurlHarness().Run("curl gopher://127.0.0.1/");
        Assert.That((result.Exit, result.Stderr), Is.EqualTo((1, "curl: (1) Protocol \"gopher\" not supported or disabled in libcurl\n")));
    }

    [Test]
    public async Task UsageErrorsExitTwo()
    {
        var result = await new CurlHarness().Run("curl --foo http://127.0.0.1:8001/");
        Assert.That((result.Exit, result.Stderr), Is.EqualTo((2, "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n")));
    }

    /// <summary>Answers as kubectl proxy's Go reverse proxy would: upstream's headers copied, Content-Length and Date included.</summary>
    /// <summary>What kubectl proxy's filter answers through Go's http.Error: no length of its own.</summary>
    private sealed class RefusingProxy : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("Forbidden\n", Encoding.UTF8, "text/plain") };
            response.Headers.TryAddWithoutValidation("X-Content-Type-Options", "nosniff");
            return Task.FromResult(response);
        }
    }

    private sealed class FakeProxy : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"kind\":\"APIVersions\"}\n")) };
            response.Headers.TryAddWithoutValidation("Date", "Sat, 21 Nov 2026 09:46:54 GMT");
            response.Headers.TryAddWithoutValidation("Audit-Id", "1");
            response.Headers.TryAddWithoutValidation("Cache-Control", "no-cache, private");
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            response.Content.Headers.TryAddWithoutValidation("Content-Length", "23");
            return Task.FromResult(response);
        }
    }
}
