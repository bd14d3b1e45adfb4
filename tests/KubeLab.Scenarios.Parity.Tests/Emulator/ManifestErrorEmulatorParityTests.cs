namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>Broken manifests: go-yaml's messages with the line within the document, and several errors printed together.</summary>
public class ManifestErrorEmulatorParityTests : EmulatorParityFixture
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["e1.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: x: y\n",
        ["e2.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n bad: 1\n",
        ["e3.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: @x\n",
        ["e4.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"a\n",
        ["e5.yaml"] = "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   x: 1\n",
        ["e6.yaml"] = "items:\n- a\n b: 2\n",
    };

    [OneTimeSetUp]
    public async Task WriteFilesAsync()
    {
        foreach (var (name, text) in Files) await Twins.WriteFileAsync(name, text);
    }

    [TestCase("e1.yaml")]
    [TestCase("e2.yaml")]
    [TestCase("e3.yaml")]
    [TestCase("e4.yaml")]
    [TestCase("e5.yaml")]
    [TestCase("e6.yaml")]
    public async Task Create(string file) => await AssertParityAsync("create", "-f", file);
}
