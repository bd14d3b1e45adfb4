using System.Text;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Tests.Http;

/// <summary>Exchanges of a real (simulated) API server rendered as the HTTP/1.1 text on the wire.</summary>
public class HttpTextTests
{
    private const string KubectlAgent = "kubectl/v1.33.9 (linux/amd64) kubernetes/69220b6";

    // Deliberately not in wire order: the renderer puts them in Go's.
    private static readonly (string, string)[] KubectlGet =
    [
        ("Kubectl-Session", "5d0c3e28-a3e3-41a4-8ada-60eba29fa70b"),
        ("Accept-Encoding", "gzip"),
        ("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"),
        ("User-Agent", KubectlAgent),
        WireCluster.Bearer,
        ("Kubectl-Command", "kubectl get"),
    ];

    private static string Ids(WireExchange e) => string.Join("", e.ResponseHeaders.Where(h => h.Key.StartsWith('X') || h.Key == "Audit-Id").Select(h => $"{h.Key}: {h.Value}\n"));

    [Test]
    public async Task AGoClientRequestHasHostUserAgentThenSortedHeadersThenGzip()
    {
        var exchange = await new WireCluster().Send(HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500", KubectlGet);

        Assert.That(HttpText.Request(exchange), Is.EqualTo(Crlf.Head($"""
            GET /api/v1/namespaces/default/pods?limit=500 HTTP/1.1
            Host: 127.0.0.1:6443
            User-Agent: {KubectlAgent}
            Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json
            Authorization: Bearer admin-token
            Kubectl-Command: kubectl get
            Kubectl-Session: 5d0c3e28-a3e3-41a4-8ada-60eba29fa70b
            Accept-Encoding: gzip


            """)));
    }

    [Test]
    public async Task ASmallResponseHasSortedHeadersThenDateThenContentLength()
    {
        var exchange = await new WireCluster().Send(HttpMethod.Get, "/api/v1/namespaces/nope", [("User-Agent", KubectlAgent), ("Accept", "application/json"), WireCluster.Bearer]);
        var body = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespaces \"nope\" not found","reason":"NotFound","details":{"name":"nope","kind":"namespaces"},"code":404}""" + "\n";
        var auditId = exchange.ResponseHeaders.Single(h => h.Key == "Audit-Id").Value;
        var flowSchema = exchange.ResponseHeaders.Single(h => h.Key == "X-Kubernetes-Pf-Flowschema-Uid").Value;
        var priorityLevel = exchange.ResponseHeaders.Single(h => h.Key == "X-Kubernetes-Pf-Prioritylevel-Uid").Value;

        Assert.That(HttpText.Response(exchange), Is.EqualTo(Crlf.Head($"""
            HTTP/1.1 404 Not Found
            Audit-Id: {auditId}
            Cache-Control: no-cache, private
            Content-Type: application/json
            X-Kubernetes-Pf-Flowschema-Uid: {flowSchema}
            X-Kubernetes-Pf-Prioritylevel-Uid: {priorityLevel}
            Date: Sat, 21 Nov 2026 09:46:54 GMT
            Content-Length: {Encoding.UTF8.GetByteCount(body)}


            """) + body));
    }

    [Test]
    public async Task AResponseOverTwoKilobytesIsOneChunk()
    {
        var exchange = await new WireCluster().Send(HttpMethod.Get, "/api/v1", [("User-Agent", KubectlAgent), ("Accept", "application/json, */*"), WireCluster.Bearer]);
        var body = Encoding.UTF8.GetString(exchange.ResponseChunks.SelectMany(c => c).ToArray());
        Assume.That(Encoding.UTF8.GetByteCount(body), Is.GreaterThan(2048));

        var text = HttpText.Response(exchange)!;
        var head = text[..(text.IndexOf("\r\n\r\n") + 4)];
        Assert.Multiple(() =>
        {
            Assert.That(head, Does.EndWith("Transfer-Encoding: chunked\r\nDate: Sat, 21 Nov 2026 09:46:54 GMT\r\n\r\n"));
            Assert.That(head, Does.Not.Contain("Content-Length"));
            Assert.That(text[head.Length..], Is.EqualTo($"{Encoding.UTF8.GetByteCount(body):x}\r\n{body}\r\n0\r\n\r\n"));
        });
    }

    [Test]
    public async Task AWatchIsChunkedOneEventPerChunkAndEndsWithTheLastChunk()
    {
        var cluster = new WireCluster();
        var watch = cluster.Send(HttpMethod.Get, "/api/v1/namespaces?fieldSelector=metadata.name%3Drodrigo&resourceVersion=0&timeoutSeconds=5&watch=true",
            [("User-Agent", KubectlAgent), ("Accept", "application/json"), WireCluster.Bearer]);
        await WaitForStream(cluster);
        await cluster.Send(HttpMethod.Post, "/api/v1/namespaces", [("User-Agent", KubectlAgent), WireCluster.Bearer],
            """{"metadata":{"name":"rodrigo"}}"""u8.ToArray(), [("Content-Type", "application/json")]);
        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        var exchange = await watch;

        var text = HttpText.Response(exchange)!;
        var events = exchange.ResponseChunks.Select(c => Encoding.UTF8.GetString(c)).ToList();
        Assert.That(events, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Content-Type: application/json\r\nX-Kubernetes-Pf-Flowschema-Uid: "));
            Assert.That(text, Does.Contain("\r\nTransfer-Encoding: chunked\r\nDate: Sat, 21 Nov 2026 09:46:54 GMT\r\n\r\n"));
            Assert.That(text, Does.EndWith($"\r\n\r\n{Encoding.UTF8.GetByteCount(events[0]):x}\r\n{events[0]}\r\n0\r\n\r\n"));
            Assert.That(events[0], Does.StartWith("""{"type":"ADDED","object":{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"rodrigo","""));
        });
    }

    [Test]
    public async Task AnOpenStreamHasNoLastChunkYet()
    {
        var cluster = new WireCluster();
        var watch = cluster.Send(HttpMethod.Get, "/api/v1/namespaces?fieldSelector=metadata.name%3Dnone&resourceVersion=0&timeoutSeconds=5&watch=true",
            [("User-Agent", KubectlAgent), WireCluster.Bearer]);
        var open = WireExchange.From(await WaitForStream(cluster));
        Assert.That(HttpText.Response(open), Does.EndWith("Transfer-Encoding: chunked\r\nDate: Sat, 21 Nov 2026 09:46:54 GMT\r\n\r\n"));
        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(HttpText.Response(await watch), Does.EndWith("GMT\r\n\r\n0\r\n\r\n"));
    }

    [Test]
    public async Task AProtobufBodyIsAHexDumpAndTheDecodedObject()
    {
        // kubectl create namespace rodrigo, byte for byte (kubernetes-wire.md §4).
        var body = Convert.FromHexString("6b3873000a0f0a0276311209" + "4e616d657370616365" + "121f0a170a07726f647269676f" +
            "12001a0022002a00320038004200" + "12001a020a00" + "1a002200");
        var exchange = await new WireCluster().Send(HttpMethod.Post, "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict",
            [("User-Agent", KubectlAgent), ("Accept", "application/vnd.kubernetes.protobuf,application/json"), WireCluster.Bearer,
             ("Kubectl-Command", "kubectl create namespace"), ("Kubectl-Session", "5d0c3e28-a3e3-41a4-8ada-60eba29fa70b"), ("Accept-Encoding", "gzip")],
            body, [("Content-Type", "application/vnd.kubernetes.protobuf"), ("Content-Length", body.Length.ToString())]);

        Assert.That(exchange.Status, Is.EqualTo(201));
        Assert.That(HttpText.Request(exchange), Is.EqualTo(Crlf.Head($"""
            POST /api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict HTTP/1.1
            Host: 127.0.0.1:6443
            User-Agent: {KubectlAgent}
            Content-Length: 58
            Accept: application/vnd.kubernetes.protobuf,application/json
            Authorization: Bearer admin-token
            Content-Type: application/vnd.kubernetes.protobuf
            Kubectl-Command: kubectl create namespace
            Kubectl-Session: 5d0c3e28-a3e3-41a4-8ada-60eba29fa70b
            Accept-Encoding: gzip


            """) + """
            [58 bytes of application/vnd.kubernetes.protobuf]
            00000000  6b 38 73 00 0a 0f 0a 02  76 31 12 09 4e 61 6d 65  |k8s.....v1..Name|
            00000010  73 70 61 63 65 12 1f 0a  17 0a 07 72 6f 64 72 69  |space......rodri|
            00000020  67 6f 12 00 1a 00 22 00  2a 00 32 00 38 00 42 00  |go....".*.2.8.B.|
            00000030  12 00 1a 02 0a 00 1a 00  22 00                    |........".|
            [decoded: v1 Namespace]
            {
              "kind": "Namespace",
              "apiVersion": "v1",
              "metadata": {
                "name": "rodrigo",
                "creationTimestamp": null
              },
              "spec": {},
              "status": {}
            }

            """));
    }

    [Test]
    public async Task CurlHeadersKeepCurlsOrderAndItsFormContentTypeComesLast()
    {
        var exchange = await new WireCluster().Send(HttpMethod.Post, "/api/v1/namespaces",
            [("User-Agent", "curl/7.88.1"), ("Accept", "*/*"), WireCluster.Bearer], """{"metadata":{"name":"a"}}"""u8.ToArray(),
            [("Content-Length", "25"), ("Content-Type", "application/x-www-form-urlencoded")]);

        Assert.That(HttpText.Request(exchange), Is.EqualTo(Crlf.Head("""
            POST /api/v1/namespaces HTTP/1.1
            Host: 127.0.0.1:6443
            User-Agent: curl/7.88.1
            Accept: */*
            Authorization: Bearer admin-token
            Content-Length: 25
            Content-Type: application/x-www-form-urlencoded


            """) + """{"metadata":{"name":"a"}}"""));
    }

    [Test]
    public async Task ARequestRelayedByKubectlProxyIsWrittenByGoWhoeverSentIt()
    {
        var exchange = await new WireCluster().Send(HttpMethod.Get, "/version",
            [("User-Agent", "curl/7.88.1"), ("Accept", "*/*"), ("X-Forwarded-For", "127.0.0.1"), ("Accept-Encoding", "gzip")]);
        Assert.That(HttpText.Request(exchange), Is.EqualTo(Crlf.Head("""
            GET /version HTTP/1.1
            Host: 127.0.0.1:6443
            User-Agent: curl/7.88.1
            Accept: */*
            X-Forwarded-For: 127.0.0.1
            Accept-Encoding: gzip


            """)));
    }

    [Test]
    public async Task AChunkedRequestBodyIsOneChunk()
    {
        var body = """{"metadata":{"name":"a"}}"""u8.ToArray();
        // Refused before the body is read (no credentials): the record still has the body the client sent.
        var exchange = await new WireCluster().Send(HttpMethod.Put, "/api/v1/namespaces/a/finalize",
            [("User-Agent", KubectlAgent), ("Transfer-Encoding", "chunked"), ("Accept", "application/json, */*")], body);
        Assert.That(exchange.Status, Is.EqualTo(403));

        Assert.That(HttpText.Request(exchange), Does.EndWith(Crlf.Head($"""
            User-Agent: {KubectlAgent}
            Transfer-Encoding: chunked
            Accept: application/json, */*


            """) + "19\r\n{\"metadata\":{\"name\":\"a\"}}\r\n0\r\n\r\n"));
    }

    private static async Task<KubeLab.ControlPlane.Pipeline.Exchange> WaitForStream(WireCluster cluster)
    {
        for (var i = 0; i < 500; i++)
        {
            if (cluster.Cluster.Api.Exchanges.Snapshot().FirstOrDefault(e => e.Target.Contains("watch=true") && e.StatusCode != 0) is { } open) return open;
            await Task.Delay(10);
        }
        throw new TimeoutException("the watch did not start");
    }
}
