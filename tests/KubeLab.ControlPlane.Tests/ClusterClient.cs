using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Tests;

/// <summary>A cluster with a simulated clock and an admin HTTP client wired to it in-process.</summary>
public sealed class ClusterClient : IDisposable
{
    public const string AdminToken = "test-admin-token";

    public ClusterClient(int seed = 42, int watchHistory = 10_000, int nodeCount = 2)
    {
        Clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Cluster = new Cluster(new ClusterOptions { Clock = Clock, Seed = seed, WatchHistory = watchHistory, NodeCount = nodeCount });
        Cluster.Api.Authenticator.AddToken(AdminToken, new UserInfo("kubernetes-admin", ["system:masters", "system:authenticated"]));
        Http = new HttpClient(new InProcessHandler(Cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public ManualClock Clock { get; }
    public Cluster Cluster { get; }
    public HttpClient Http { get; }

    public async Task<(int Status, string Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string? body = null,
        string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await Http.SendAsync(request);
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
