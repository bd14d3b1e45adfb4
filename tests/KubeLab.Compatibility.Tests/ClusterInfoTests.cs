using System.Text.Json;
using System.Text.RegularExpressions;
using KubeLab.Compatibility.Tests.Infrastructure;

namespace KubeLab.Compatibility.Tests;

/// <summary>Read-only commands against a fresh simulator: nothing here creates objects.</summary>
public class ClusterInfoTests : SimulatorFixture
{
    [Test]
    public async Task Version()
    {
        var result = await Kubectl.RunAsync("version");

        // The client patch level is whatever v1.33 binary the developer uses
        // (scripts/kubectl.sh downloads v1.33.9); the rest is exact.
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.Stdout, Does.Match(@"^Client Version: v1\.33\.\d+\nKustomize Version: v5\.6\.0\nServer Version: v1\.33\.1\n$"));
    }

    [Test]
    public async Task SystemNamespacesExistAndAreActive()
    {
        var result = await Kubectl.RunAsync("get", "namespaces");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        TextTable.AssertRows(TextTable.Parse(result.Stdout, "NAME", "STATUS", "AGE"),
            ["default", "Active", TextTable.Age],
            ["kube-node-lease", "Active", TextTable.Age],
            ["kube-public", "Active", TextTable.Age],
            ["kube-system", "Active", TextTable.Age]);
    }

    [Test]
    public async Task EmptyDefaultNamespaceSaysNoResourcesOnStderr()
    {
        Assert.That(await Kubectl.RunAsync("get", "pods"),
            Is.EqualTo(new KubectlResult(0, "", "No resources found in default namespace.\n")));
    }

    [Test]
    public async Task GetMissingPodIsNotFound()
    {
        Assert.That(await Kubectl.RunAsync("get", "pod", "nope"),
            Is.EqualTo(KubectlResult.Failure("Error from server (NotFound): pods \"nope\" not found\n")));
    }

    [Test]
    public async Task ApiResources()
    {
        var result = await Kubectl.RunAsync("api-resources");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var rows = TextTable.Parse(result.Stdout, "NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
        Assert.That(rows, Has.Some.EqualTo(new[] { "pods", "po", "v1", "true", "Pod" }));
        Assert.That(rows, Has.Some.EqualTo(new[] { "namespaces", "ns", "v1", "false", "Namespace" }));
        Assert.That(rows, Has.Some.EqualTo(new[] { "deployments", "deploy", "apps/v1", "true", "Deployment" }));

        // kubectl sorts by group (core first), then by name; this needs the server's
        // discovery to carry the right groups.
        var keys = rows.Select(row => (Group: row[2].Contains('/') ? row[2][..row[2].IndexOf('/')] : "", Name: row[0])).ToList();
        Assert.That(keys, Is.EqualTo(keys.OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal)));
    }

    [Test]
    public async Task RawRootListsSortedPaths()
    {
        var result = await Kubectl.RunAsync("get", "--raw", "/");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        using var root = JsonDocument.Parse(result.Stdout);
        var paths = root.RootElement.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.That(paths, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(paths, Is.SupersetOf(new[] { "/api", "/apis", "/healthz", "/livez", "/readyz", "/version", "/openapi/v3" }));
    }

    [Test]
    public async Task RawLivezVerbose()
    {
        var result = await Kubectl.RunAsync("get", "--raw", "/livez?verbose");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo("[+]ping ok"));
        Assert.That(lines[^1], Is.EqualTo("livez check passed"));
        Assert.That(lines[..^1], Has.All.Match(@"^\[\+\]\S+ ok$"));
    }

    [Test]
    public async Task ExplainPod()
    {
        var result = await Kubectl.RunAsync("explain", "pod");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var lines = result.Stdout.Split('\n');
        Assert.That(lines[0], Is.EqualTo("KIND:       Pod"));
        Assert.That(lines[1], Is.EqualTo("VERSION:    v1"));
        Assert.That(lines, Does.Contain("DESCRIPTION:"));
        Assert.That(lines, Does.Contain("FIELDS:"));
        // Top-level fields are listed in order as `  name\t<type>`; the types depend on the served schema.
        var fields = new[] { "apiVersion", "kind", "metadata", "spec", "status" }
            .Select(field => Array.FindIndex(lines, line => Regex.IsMatch(line, $@"^  {field}\t<[^>]+>")))
            .ToList();
        Assert.That(fields, Has.None.EqualTo(-1), result.Stdout);
        Assert.That(fields, Is.Ordered, result.Stdout);
    }
}
