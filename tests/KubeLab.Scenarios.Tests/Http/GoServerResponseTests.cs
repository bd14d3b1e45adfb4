using System.Text;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Tests.Http;

/// <summary>Go net/http's rules for a response head (server.go: chunkWriter.writeHeader, Header.WriteSubset, extraHeader.Write).</summary>
public class GoServerResponseTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 9, 46, 54, TimeSpan.Zero);

    private static WireMessage Build(int status, (string, string)[] headers, string body, bool streamed = false, bool complete = true, bool isHead = false) =>
        GoServerResponse.Build(status, headers.Select(h => KeyValuePair.Create(h.Item1, h.Item2)), body.Length == 0 ? [] : [Encoding.UTF8.GetBytes(body)],
            streamed, complete, At, isHead);

    [Test]
    public void NamesAreCanonicalAndSortedAndRepeatedValuesKeepTheirOrder()
    {
        var message = Build(200, [("warning", "299 - \"b\""), ("content-type", "application/json"), ("Warning", "299 - \"a\""), ("audit-id", "x")], "{}\n");
        Assert.That(message.Head, Is.EqualTo(Crlf.Head("""
            HTTP/1.1 200 OK
            Audit-Id: x
            Content-Type: application/json
            Warning: 299 - "b"
            Warning: 299 - "a"
            Date: Sat, 21 Nov 2026 09:46:54 GMT
            Content-Length: 3


            """)));
    }

    [Test]
    public void TheServerOwnsLengthDateAndTransferEncoding()
    {
        var message = Build(201, [("Content-Length", "999"), ("Date", "Sun, 22 Nov 2026 10:00:00 GMT"), ("Content-Type", "application/json")], "{}\n");
        Assert.That(message.Headers.Select(h => h.ToString()), Is.EqualTo(new[]
        {
            "Content-Type: application/json", "Date: Sun, 22 Nov 2026 10:00:00 GMT", "Content-Length: 3",
        }));
        Assert.That(message.StartLine, Is.EqualTo("HTTP/1.1 201 Created"));
    }

    [Test]
    public void AnUntypedBodyIsSniffedAndTheTypeGoesAfterTheHandlersHeaders()
    {
        var message = Build(200, [("X-Content-Type-Options", "nosniff")], "ok");
        Assert.That(message.Headers.Select(h => h.Name), Is.EqualTo(new[] { "X-Content-Type-Options", "Content-Type", "Date", "Content-Length" }));
        Assert.That(message.Header("Content-Type"), Is.EqualTo("text/plain; charset=utf-8"));
    }

    [Test]
    public void NoContentHasNoLengthAndNoBody()
    {
        var message = Build(204, [("Content-Type", "application/json"), ("Content-Length", "0")], "");
        Assert.That(message.Head, Is.EqualTo(Crlf.Head("""
            HTTP/1.1 204 No Content
            Content-Type: application/json
            Date: Sat, 21 Nov 2026 09:46:54 GMT


            """)));
        Assert.That(message.Framing, Is.EqualTo(BodyFraming.None));
    }

    [Test]
    public void AHeadAnswerHasNoComputedLength()
    {
        var message = Build(200, [("Content-Type", "application/json"), ("Content-Length", "3")], "", isHead: true);
        Assert.That(message.Headers.Select(h => h.Name), Is.EqualTo(new[] { "Content-Type", "Date" }));
    }

    [Test]
    public void AnEmptyBodyStillHasALength()
    {
        Assert.That(Build(200, [("Content-Type", "text/plain")], "").Header("Content-Length"), Is.EqualTo("0"));
    }

    [Test]
    public void AStreamIsChunkedEvenWhenSmall()
    {
        var message = GoServerResponse.Build(200, [KeyValuePair.Create("Content-Type", "application/json")],
            ["{\"type\":\"ADDED\"}\n"u8.ToArray(), "{\"type\":\"DELETED\"}\n"u8.ToArray()], streamed: true, complete: true, At);
        Assert.That(Encoding.UTF8.GetString(message.ToBytes()), Is.EqualTo(Crlf.Head("""
            HTTP/1.1 200 OK
            Content-Type: application/json
            Transfer-Encoding: chunked
            Date: Sat, 21 Nov 2026 09:46:54 GMT


            """) + "11\r\n{\"type\":\"ADDED\"}\n\r\n13\r\n{\"type\":\"DELETED\"}\n\r\n0\r\n\r\n"));
    }

    [Test]
    public void ACodeGoDoesNotNameIsWrittenAsGoWritesIt()
    {
        Assert.That(StatusPhrases.StatusLine(299), Is.EqualTo("HTTP/1.1 299 status code 299"));
        Assert.That(StatusPhrases.StatusLine(422), Is.EqualTo("HTTP/1.1 422 Unprocessable Entity"));
    }

    [TestCase("audit-id", "Audit-Id")]
    [TestCase("X-KUBERNETES-PF-FLOWSCHEMA-UID", "X-Kubernetes-Pf-Flowschema-Uid")]
    [TestCase("content-md5", "Content-Md5")]
    [TestCase("bad header", "bad header")]
    public void CanonicalNames(string name, string canonical) => Assert.That(GoHeaderKey.Canonical(name), Is.EqualTo(canonical));
}
