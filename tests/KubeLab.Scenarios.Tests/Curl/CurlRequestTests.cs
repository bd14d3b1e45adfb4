using System.Text;
using KubeLab.Scenarios.Http;
using KubeLab.Scenarios.Tests.Http;

namespace KubeLab.Scenarios.Tests.Curl;

/// <summary>What curl sends (method, header order, body) and what it prints of the answer.</summary>
public class CurlRequestTests
{
    private const string Bearer = "-H \"Authorization: Bearer " + CurlHarness.AdminToken + "\"";

    [Test]
    public async Task DataBinaryFromAFileIsSentAsItIs()
    {
        var harness = new CurlHarness();
        harness.Environment.Files["ns.json"] = "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"rodrigo\"}}\n";
        var result = await harness.Run($"curl -k -X POST {Bearer} -H \"Content-Type: application/json\" --data-binary @ns.json https://127.0.0.1:6443/api/v1/namespaces");

        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(0));
            Assert.That(result.Exchange.StatusCode, Is.EqualTo(201));
            Assert.That(Encoding.UTF8.GetString(result.Exchange.RequestBody), Is.EqualTo(harness.Environment.Files["ns.json"]));
            Assert.That(HttpText.Request(WireExchange.From(result.Exchange)), Is.EqualTo(Crlf.Head($"""
                POST /api/v1/namespaces HTTP/1.1
                Host: 127.0.0.1:6443
                User-Agent: curl/7.88.1
                Accept: */*
                Authorization: Bearer {CurlHarness.AdminToken}
                Content-Type: application/json
                Content-Length: {harness.Environment.Files["ns.json"].Length}


                """) + harness.Environment.Files["ns.json"]));
            Assert.That(result.Stdout, Does.StartWith("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"rodrigo","""));
            Assert.That(result.Stderr, Is.Empty, "no Note without -v");
        });
    }

    [Test]
    public async Task DataFromAFileLosesItsNewlinesAndGetsTheFormType()
    {
        var harness = new CurlHarness();
        harness.Environment.Files["ns.json"] = "{\"metadata\":\n  {\"name\":\"a\"}}\r\n";
        var result = await harness.Run($"curl -k -v {Bearer} -d @ns.json https://127.0.0.1:6443/api/v1/namespaces");
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(result.Exchange.RequestBody), Is.EqualTo("{\"metadata\":  {\"name\":\"a\"}}"));
            Assert.That(result.Stderr, Does.Contain(Crlf.Head($"""
                > POST /api/v1/namespaces HTTP/1.1
                > Host: 127.0.0.1:6443
                > User-Agent: curl/7.88.1
                > Accept: */*
                > Authorization: Bearer {CurlHarness.AdminToken}
                > Content-Length: 27
                > Content-Type: application/x-www-form-urlencoded
                > 

                """)));
            // The API server does not take form bodies.
            Assert.That(result.Exchange.StatusCode, Is.EqualTo(415));
        });
    }

    [Test]
    public async Task SeveralDataPiecesAreJoinedWithAmpersands()
    {
        var result = await new CurlHarness().Run("curl -k -d a=1 --data-raw @b --data-binary c=3 https://127.0.0.1:6443/version");
        Assert.That(Encoding.UTF8.GetString(result.Exchange.RequestBody), Is.EqualTo("a=1&@b&c=3"));
    }

    [Test]
    public async Task AMissingDataFileMakesAnEmptyPostWithAWarning()
    {
        var harness = new CurlHarness();
        var result = await harness.Run("curl -k --data-binary @nope.json https://127.0.0.1:6443/api");
        var silent = await harness.Run("curl -k -s --data-binary @nope.json https://127.0.0.1:6443/api");
        Assert.Multiple(() =>
        {
            Assert.That(result.Stderr, Is.EqualTo("Warning: Couldn't read data from file \"nope.json\", this makes an empty POST.\n"));
            Assert.That(result.Exchange.Method, Is.EqualTo("POST"));
            Assert.That(result.Exchange.RequestHeaders, Does.Contain(KeyValuePair.Create("Content-Length", "0")));
            Assert.That(silent.Stderr, Is.Empty);
        });
    }

    [Test]
    public async Task AnInferredMethodGivenWithXGetsANoteInVerboseMode()
    {
        var harness = new CurlHarness();
        var post = await harness.Run("curl -k -v -X POST -d x https://127.0.0.1:6443/version");
        var get = await harness.Run("curl -k -v -X GET https://127.0.0.1:6443/version");
        var put = await harness.Run("curl -k -v -X PUT -d x https://127.0.0.1:6443/version");
        var silent = await harness.Run("curl -k -sv -X GET https://127.0.0.1:6443/version");
        Assert.Multiple(() =>
        {
            Assert.That(post.Stderr, Does.StartWith("Note: Unnecessary use of -X or --request, POST is already inferred.\n*   Trying 127.0.0.1:6443...\n"));
            Assert.That(get.Stderr, Does.StartWith("Note: Unnecessary use of -X or --request, GET is already inferred.\n"));
            Assert.That(put.Stderr, Does.StartWith("*   Trying"));
            Assert.That(put.Exchange.Method, Is.EqualTo("PUT"));
            Assert.That(silent.Stderr, Does.StartWith("*   Trying"), "-s mutes notes, not the trace");
        });
    }

    [Test]
    public async Task CustomHeadersReplaceRemoveAndEmpty()
    {
        var result = await new CurlHarness().Run("curl -k -v -H \"X-B: 1\" -H \"Accept: application/json\" -H \"User-Agent: me\" -H \"X-Empty;\" -H \"Host:\" https://127.0.0.1:6443/version");
        Assert.That(result.Stderr, Does.Contain(Crlf.Head("""
            > GET /version HTTP/1.1
            > User-Agent: me
            > X-B: 1
            > Accept: application/json
            > X-Empty:
            > 

            """)));
    }

    [Test]
    public async Task IncludePutsTheResponseHeadOnStdout()
    {
        var result = await new CurlHarness().Run("curl -k -i https://127.0.0.1:6443/healthz");
        Assert.That(result.Stdout, Is.EqualTo(Crlf.Head($"""
            HTTP/1.1 200 OK
            Audit-Id: {result.Header("Audit-Id")}
            Cache-Control: no-cache, private
            Content-Type: text/plain; charset=utf-8
            X-Content-Type-Options: nosniff
            X-Kubernetes-Pf-Flowschema-Uid: {result.Header("X-Kubernetes-Pf-Flowschema-Uid")}
            X-Kubernetes-Pf-Prioritylevel-Uid: {result.Header("X-Kubernetes-Pf-Prioritylevel-Uid")}
            Date: Sat, 21 Nov 2026 09:46:54 GMT
            Content-Length: 2


            """) + "ok"));
    }

    [Test]
    public async Task TheResponseCurlShowsIsTheOneTheExchangeRecords()
    {
        var result = await new CurlHarness().Run("curl -k -i " + Bearer + " https://127.0.0.1:6443/api/v1");
        Assert.That(result.Stdout, Is.EqualTo(ExchangeWire.Response(WireExchange.From(result.Exchange))!.Head +
            Encoding.UTF8.GetString(result.Exchange.ResponseBody)));
        Assert.That(result.Stdout, Does.Contain("Transfer-Encoding: chunked\r\n"), "a body over 2 KiB is chunked by Go's server");
    }

    [Test]
    public async Task OutputGoesToAFileWithTheProgressMeter()
    {
        var harness = new CurlHarness();
        var result = await harness.Run("curl -k -o version.json https://127.0.0.1:6443/version");
        var length = Encoding.UTF8.GetByteCount(harness.Environment.Files["version.json"]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(harness.Environment.Files["version.json"], Does.StartWith("{\n  \"major\": \"1\""));
            Assert.That(result.Stderr, Is.EqualTo(
                "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
                "                                 Dload  Upload   Total   Spent    Left  Speed\n" +
                "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0" +
                $"\r100   {length}  100   {length}    0     0   {length * 1000 / 1024}k      0 --:--:-- --:--:-- --:--:--  {length * 1000 / 1024}k\n"));
        });
    }

    [Test]
    public async Task SilentOutputToAFileWithWriteOut()
    {
        var harness = new CurlHarness();
        var result = await harness.Run("curl -k -s -o out.json -w \"%{http_code} %{content_type} %{method} %{scheme} %{size_download}\\n\" https://127.0.0.1:6443/version");
        Assert.That(result.Stdout, Is.EqualTo($"200 application/json GET HTTPS {harness.Environment.Files["out.json"].Length}\n"));
        Assert.That(result.Stderr, Is.Empty);
    }

    [Test]
    public async Task WriteOutAfterAFailureAndForAnUnknownVariable()
    {
        var result = await new CurlHarness().Run("curl -s -w \"%{http_code} %{exitcode} %{errormsg}%{foo}\\n\" http://127.0.0.1:8001/api");
        Assert.That(result.Exit, Is.EqualTo(7));
        Assert.That(result.Stdout, Is.EqualTo("000 7 Failed to connect to 127.0.0.1 port 8001 after 0 ms: Couldn't connect to server\n"));
        Assert.That(result.Stderr, Is.EqualTo("curl: unknown --write-out variable: 'foo'\n"));
    }

    [Test]
    public async Task ProtobufOnATerminalIsRefused()
    {
        var result = await new CurlHarness().Run($"curl -k {Bearer} -H \"Accept: application/vnd.kubernetes.protobuf\" https://127.0.0.1:6443/api/v1/namespaces/default");
        Assume.That(result.Exchange.ResponseHeaders, Does.Contain(KeyValuePair.Create("Content-Type", "application/vnd.kubernetes.protobuf")));
        Assert.That((result.Exit, result.Stdout), Is.EqualTo((23, "")));
        Assert.That(result.Stderr, Is.EqualTo("""
            Warning: Binary output can mess up your terminal. Use "--output -" to tell 
            Warning: curl to output it to your terminal anyway, or consider "--output 
            Warning: <FILE>" to save to a file.

            """));
    }

    [Test]
    public async Task AWatchStreamsUntilInterrupted()
    {
        var harness = new CurlHarness();
        using var stop = new CancellationTokenSource();
        var terminal = new KubeLab.Scenarios.Clients.CommandOutput();
        var watch = harness.Run($"curl -k -N -s {Bearer} \"https://127.0.0.1:6443/api/v1/namespaces?watch=true&fieldSelector=metadata.name%3Drodrigo\"", terminal, stop.Token);
        for (var i = 0; i < 500 && !harness.Cluster.Api.Exchanges.Snapshot().Any(e => e.Target.Contains("watch=true") && e.StatusCode == 200); i++) await Task.Delay(10);
        await harness.Run($"curl -k -s {Bearer} -H \"Content-Type: application/json\" -d '{{\"metadata\":{{\"name\":\"rodrigo\"}}}}' https://127.0.0.1:6443/api/v1/namespaces");
        for (var i = 0; i < 500 && !terminal.Stdout.ToString().EndsWith('\n'); i++) await Task.Delay(10);
        await stop.CancelAsync();
        var result = await watch;
        Assert.That(result.Exit, Is.EqualTo(130));
        Assert.That(result.Stdout, Does.StartWith("""{"type":"ADDED","object":{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"rodrigo","""));
        Assert.That(result.Stdout, Does.EndWith("}}\n"));
    }
}
