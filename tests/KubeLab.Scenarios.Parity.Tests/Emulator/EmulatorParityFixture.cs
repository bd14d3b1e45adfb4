using System.Net.Http.Headers;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Parity.Tests.Infrastructure;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>What one command did on both twins: the outputs and the requests each server received.</summary>
public sealed record Comparison(KubectlResult Real, KubectlResult Emulated, IReadOnlyList<RequestView> RealRequests, IReadOnlyList<RequestView> EmulatedRequests)
{
    public override string ToString() =>
        $"=== real kubectl\n{Real}\n{string.Join("\n", RealRequests)}\n=== emulated kubectl\n{Emulated}\n{string.Join("\n", EmulatedRequests)}";
}

/// <summary>
/// Base of the emulator parity tests: the same command through the real kubectl v1.33.9 and through the
/// emulated one, each against its twin, must send the same requests and print the same bytes.
/// </summary>
public abstract class EmulatorParityFixture
{
    protected TwinClusters Twins { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartTwinsAsync() => Twins = await TwinClusters.StartAsync();

    [OneTimeTearDown]
    public async Task StopTwinsAsync()
    {
        if (Twins is not null) await Twins.DisposeAsync();
    }

    /// <summary>Runs a command on both twins, each with a cold discovery cache (or warmed by <paramref name="warmUp"/> first).</summary>
    protected async Task<Comparison> BothAsync(string[] args, string[]? warmUp = null, Func<ClientEnvironment, ClientEnvironment>? environment = null,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var cache = Twins.NewCacheDirectory();
        var env = Twins.NewEnvironment();
        foreach (var (name, value) in variables ?? new Dictionary<string, string>()) env.Variables[name] = value;
        if (environment is not null) env = environment(env);
        if (warmUp is not null)
        {
            await Twins.RunRealAsync(cache, warmUp);
            await Twins.RunEmulatedAsync(env, warmUp);
        }
        var realMark = Twins.Real.Mark();
        var real = await Twins.RunRealAsync(cache, args, variables);
        var realRequests = (await Twins.Real.ExchangesSince(realMark)).Select(RequestView.Of).ToList();
        var emulatedMark = Twins.Emulated.Mark();
        var emulated = await Twins.RunEmulatedAsync(env, args);
        var emulatedRequests = (await Twins.Emulated.ExchangesSince(emulatedMark)).Select(RequestView.Of).ToList();
        return new Comparison(real, emulated, realRequests, emulatedRequests);
    }

    /// <summary>The whole check: same requests in the same order, same stdout, stderr and exit code.</summary>
    protected async Task<Comparison> AssertParityAsync(params string[] args) => AssertSame(await BothAsync(args));

    protected async Task<Comparison> AssertWarmParityAsync(string[] warmUp, params string[] args) => AssertSame(await BothAsync(args, warmUp));

    protected static Comparison AssertSame(Comparison comparison, Func<string, string>? normalize = null)
    {
        normalize ??= s => s;
        TestContext.Out.WriteLine(comparison.ToString());
        Dump(comparison, normalize);
        Assert.Multiple(() =>
        {
            Assert.That(string.Join("\n", comparison.EmulatedRequests), Is.EqualTo(string.Join("\n", comparison.RealRequests)), "requests");
            Assert.That(normalize(comparison.Emulated.Stdout), Is.EqualTo(normalize(comparison.Real.Stdout)), "stdout");
            Assert.That(normalize(comparison.Emulated.Stderr), Is.EqualTo(normalize(comparison.Real.Stderr)), "stderr");
            Assert.That(comparison.Emulated.ExitCode, Is.EqualTo(comparison.Real.ExitCode), "exit code");
        });
        return comparison;
    }

    // KUBELAB_PARITY_DUMP=DIR keeps both sides of every comparison in files, for diffing by hand.
    private static void Dump(Comparison comparison, Func<string, string> normalize)
    {
        if (Environment.GetEnvironmentVariable("KUBELAB_PARITY_DUMP") is not { Length: > 0 } directory) return;
        System.IO.Directory.CreateDirectory(directory);
        var name = string.Concat(TestContext.CurrentContext.Test.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        foreach (var (side, result, requests) in new[] { ("real", comparison.Real, comparison.RealRequests), ("emulated", comparison.Emulated, comparison.EmulatedRequests) })
            File.WriteAllText(Path.Combine(directory, $"{name}.{side}"),
                $"exit {result.ExitCode}\n--- stdout\n{normalize(result.Stdout)}\n--- stderr\n{normalize(result.Stderr)}\n--- requests\n{string.Join("\n", requests)}");
    }

    /// <summary>Runs a setup command on both twins and requires both to succeed.</summary>
    protected async Task SetupAsync(params string[] args)
    {
        var comparison = await BothAsync(args);
        Assert.That(comparison.Real.ExitCode, Is.Zero, $"real: {comparison.Real}");
        Assert.That(comparison.Emulated.ExitCode, Is.Zero, $"emulated: {comparison.Emulated}");
    }

    /// <summary>After building a world with pods: wait until both twins' kubelets are done with them.</summary>
    protected Task SettleTwinsAsync() => Twins.SettleTogetherAsync();

    /// <summary>Sends the same raw request to both twins as the admin (for state the emulator is not asked to build).</summary>
    protected async Task SendBothAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        foreach (var twin in new[] { Twins.Real, Twins.Emulated })
        {
            using var http = new HttpClient(new InProcessHandler(twin.Cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Twin.AdminToken);
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, contentType);
            using var response = await http.SendAsync(request);
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{method} {path}: {await response.Content.ReadAsStringAsync()}");
            await twin.SettleAsync();
        }
    }
}
