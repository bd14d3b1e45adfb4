using System.Net.Http.Headers;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Tests.Http;

/// <summary>A seeded cluster on a simulated clock, and requests sent to it with headers set exactly as given.</summary>
internal sealed class WireCluster
{
    public const string AdminToken = "admin-token";

    public static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 46, 54, TimeSpan.Zero);

    public WireCluster()
    {
        Clock = new SimulatedClock(Start);
        Cluster = new Cluster(new ClusterOptions { Clock = Clock, Seed = 7 });
        Cluster.Authentication.AddTokenUser(AdminToken, "kubernetes-admin", "system:masters");
    }

    public SimulatedClock Clock { get; }
    public Cluster Cluster { get; }

    /// <summary>Sends one request and returns its exchange, finished (the body read to the end).</summary>
    public async Task<WireExchange> Send(HttpMethod method, string target, IEnumerable<(string Name, string Value)> headers, byte[]? body = null,
        IEnumerable<(string Name, string Value)>? contentHeaders = null)
    {
        using var request = new HttpRequestMessage(method, "https://127.0.0.1:6443" + target);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            foreach (var (name, value) in contentHeaders ?? []) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var invoker = new HttpMessageInvoker(new InProcessHandler(Cluster.Api));
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        await response.Content.ReadAsByteArrayAsync();
        var auditId = response.Headers.GetValues("Audit-Id").Single();
        return WireExchange.From(Cluster.Api.Exchanges.Snapshot().Single(e => e.AuditId == auditId));
    }

    public static (string, string) Bearer => ("Authorization", "Bearer " + AdminToken);
}

internal static class Crlf
{
    /// <summary>Golden texts are written with \n; the wire has CRLF in the head.</summary>
    public static string Head(string text) => text.ReplaceLineEndings("\r\n");
}
