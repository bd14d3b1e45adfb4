using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>kubectl proxy</c>: the same HTTP requests sent through the real proxy (over TCP) and through the emulated one
/// (the handler it registers on the learner's loopback) reach the twins as the same upstream requests.
/// </summary>
public class ProxyEmulatorParityTests : EmulatorParityFixture
{
    private static readonly (HttpMethod Method, string Path, string? Body)[] Requests =
    [
        (HttpMethod.Get, "/api/v1/namespaces/default/configmaps?limit=5", null),
        (HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"via-proxy"}}"""),
        (HttpMethod.Get, "/api/v1/namespaces/default/configmaps/via-proxy", null),
        (HttpMethod.Get, "/api/v1/namespaces/default/pods/x/exec", null),
        (HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/via-proxy", null),
        (HttpMethod.Get, "/version", null),
    ];

    [Test]
    public async Task Requests_go_upstream_alike()
    {
        var port = FreePort();
        string[] args = ["proxy", $"--port={port}"];
        var realMark = Twins.Real.Mark();
        var real = BackgroundRun.StartReal(Twins, Twins.NewCacheDirectory(), args);
        await real.WaitForOutputAsync("Starting to serve");
        var environment = Twins.NewEnvironment();
        var emulatedMark = Twins.Emulated.Mark();
        var emulated = BackgroundRun.StartEmulated(environment, args);
        await emulated.WaitForOutputAsync("Starting to serve");

        using var overTcp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var inProcess = new HttpClient(environment.Listeners.Find(port)!, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        foreach (var (method, path, body) in Requests)
        {
            var (realStatus, realBody) = await SendAsync(overTcp, method, path, body);
            await Twins.Real.SettleAsync();
            var (emulatedStatus, emulatedBody) = await SendAsync(inProcess, method, path, body);
            await Twins.Emulated.SettleAsync();
            Assert.That((emulatedStatus, emulatedBody), Is.EqualTo((realStatus, realBody)), $"{method} {path}");
        }

        static bool ThroughProxy(KubeLab.ControlPlane.Pipeline.Exchange e) => e.RequestHeaders.Any(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) && h.Value.StartsWith("curl/"));
        var realRequests = (await Twins.Real.ExchangesSince(realMark, ThroughProxy)).Select(RequestView.Of).ToList();
        var emulatedRequests = (await Twins.Emulated.ExchangesSince(emulatedMark, ThroughProxy)).Select(RequestView.Of).ToList();
        var realResult = await real.StopAsync();
        var emulatedResult = await emulated.StopAsync();
        Assert.Multiple(() =>
        {
            Assert.That(string.Join("\n", emulatedRequests), Is.EqualTo(string.Join("\n", realRequests)));
            Assert.That(emulatedResult.Stdout, Is.EqualTo(realResult.Stdout));
            Assert.That(environment.Listeners.Find(port), Is.Null, "the port is free once the proxy stops");
        });
    }

    private static async Task<(int, string)> SendAsync(HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("User-Agent", "curl/7.88.1");
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
