using KubeLab.Compatibility.Tests.Infrastructure;

namespace KubeLab.Compatibility.Tests;

/// <summary>`kubelab serve` as a process: fast start, a usable kubeconfig, clean stop.</summary>
public class SimulatorLifecycleTests
{
    [Test]
    public async Task ServeWritesKubeconfigBecomesReadyAndStopsCleanlyOnSigterm()
    {
        var kubectlPath = await KubectlBinary.GetPathAsync();
        await using var simulator = await SimulatorProcess.StartAsync();

        // Startup speed is reported, not asserted: a timed assertion would only flake on a busy machine.
        TestContext.Out.WriteLine($"kubelab serve was ready after {simulator.StartupTime.TotalMilliseconds:F0} ms");

        // Read the kubeconfig with kubectl itself, the client it is written for.
        var home = Directory.CreateDirectory(Path.Combine(simulator.Directory, "home")).FullName;
        var kubectl = new Kubectl(kubectlPath, simulator.KubeconfigPath, Path.Combine(simulator.Directory, "cache"), home);
        async Task<KubectlResult> View(string jsonPath) =>
            await kubectl.RunAsync("config", "view", "--minify", "--raw", $"-o=jsonpath={jsonPath}");

        Assert.That(await View("{.clusters[0].cluster.server}"), Is.EqualTo(KubectlResult.Success($"https://127.0.0.1:{simulator.Port}")));
        // The serving certificate is pinned as the CA, so TLS is verified rather than skipped.
        Assert.That(await View("{.clusters[0].cluster.insecure-skip-tls-verify}"), Is.EqualTo(KubectlResult.Success("")));
        var ca = await View("{.clusters[0].cluster.certificate-authority-data}");
        Assert.That(System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(ca.Stdout)), Does.StartWith("-----BEGIN CERTIFICATE-----"));
        Assert.That(await View("{.contexts[0].context.namespace}"), Is.EqualTo(KubectlResult.Success("default")));
        var token = await View("{.users[0].user.token}");
        Assert.That(token.ExitCode, Is.Zero);
        Assert.That(token.Stdout, Is.Not.Empty, "the user authenticates with a bearer token");

        Assert.That(await simulator.StopAsync(), Is.Zero, $"exit code after SIGTERM\n{simulator.Output}");
    }
}
