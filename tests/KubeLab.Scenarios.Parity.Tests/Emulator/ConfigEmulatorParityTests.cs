using KubeLab.Scenarios.Parity.Tests.Infrastructure;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>kubectl config</c> on a kubeconfig file of the learner's (<c>--kubeconfig</c>): views, and edits read back by the
/// next command. Nothing goes over the wire.
/// </summary>
public class ConfigEmulatorParityTests : EmulatorParityFixture
{
    [Test]
    public async Task Views_and_edits_of_a_kubeconfig_file()
    {
        var path = Path.Combine(Twins.WorkDirectory, "learner.kubeconfig");
        var text = await File.ReadAllTextAsync(Twins.KubeconfigPath);
        await File.WriteAllTextAsync(path, text);
        var environment = Twins.NewEnvironment();
        environment.Files[path] = text;
        var cache = Twins.NewCacheDirectory();
        string[][] steps =
        [
            ["config", "view"],
            ["config", "view", "-o", "json"],
            ["config", "view", "--raw"],
            ["config", "view", "--minify", "-o", "jsonpath={.contexts[0].context.namespace}"],
            ["config", "current-context"],
            ["config", "set-context", "dev", "--namespace=team", "--user=kubelab-admin", "--cluster=kubelab"],
            ["config", "set-context", "--current", "--namespace=other"],
            ["config", "use-context", "dev"],
            ["config", "current-context"],
            ["config", "use-context", "nope"],
            ["config", "view"],
            ["config", "view", "--minify"],
            ["config", "set-context", "typo", "--cluster=kubelab", "--user=jnae"],
            ["config", "view", "--minify", "--context=typo"],
            ["config", "set-credentials", "jnae", "--token=not-a-token"],
            ["config", "set-credentials", "jnae", "--token=still-not-a-token"],
            ["config", "view", "--minify", "--context=typo"],
            ["get", "pods"],
        ];
        foreach (var step in steps)
        {
            string[] args = [.. step, $"--kubeconfig={path}"];
            var real = await Twins.RunRealAsync(cache, args);
            var emulated = await Twins.RunEmulatedAsync(environment, args);
            Assert.That(emulated, Is.EqualTo(real), string.Join(' ', step));
        }
    }
}
