using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Http;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Tests;

/// <summary>A cluster with a simulated clock and an admin HTTP client wired to it in-process.</summary>
public sealed class ClusterClient : IDisposable
{
    public const string AdminToken = "test-admin-token";

    public ClusterClient(int? seed = 42, int watchHistory = 10_000, int nodeCount = 2, ClusterLimits? limits = null)
    {
        Clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Cluster = new Cluster(new ClusterOptions
        {
            Clock = Clock, Seed = seed, WatchHistory = watchHistory, NodeCount = nodeCount, Limits = limits ?? ClusterLimits.Default,
        });
        Cluster.Api.Authenticator.AddToken(AdminToken, new UserInfo("kubernetes-admin", ["system:masters", "system:authenticated"]));
        Http = NewClient(AdminToken);
        Cluster.Api.Exchanges.Completed += exchange => _traces[exchange.AuditId] = exchange;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Exchange> _traces = new();

    /// <summary>A client of the same cluster with other credentials: a bearer token, a client certificate, or none.</summary>
    public HttpClient NewClient(string? token = null, X509Certificate2? certificate = null)
    {
        var client = new HttpClient(new InProcessHandler(Cluster.Api, clientCertificate: certificate)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Every request answered so far (controllers' included), with its trace.</summary>
    public IEnumerable<Exchange> Traces => _traces.Values;

    /// <summary>The pipeline trace of the request that <paramref name="response"/> answered (found by its Audit-Id).</summary>
    public Exchange TraceOf(HttpResponseMessage response) => _traces[response.Headers.GetValues("Audit-Id").Single()];

    public ManualClock Clock { get; }
    public Cluster Cluster { get; }
    public HttpClient Http { get; }

    public Task<(int Status, string Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string? body = null,
        string contentType = "application/json", string? accept = null) => Send(Http, method, path, body, contentType, accept);

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> Send(HttpClient client, HttpMethod method, string path,
        string? body = null, string contentType = "application/json", string? accept = null, byte[]? bytes = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null || bytes is not null)
            request.Content = new ByteArrayContent(bytes ?? Encoding.UTF8.GetBytes(body!)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text, response);
    }

    public async Task<JsonObject> Json(HttpMethod method, string path, string? body = null, string contentType = "application/json", int expect = 200)
    {
        var (status, text, _) = await Send(method, path, body, contentType);
        Assert.That(status, Is.EqualTo(expect), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A clock that moves only when a test moves it; its timers fire as it passes them.</summary>
public sealed class ManualClock(DateTimeOffset start) : SimulatedClock(start);
