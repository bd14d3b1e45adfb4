using KubeLab.Scenarios.Parity.Tests.Infrastructure;

namespace KubeLab.Scenarios.Parity.Tests;

/// <summary>
/// `kubectl get` through the real kubectl v1.33 and through the printers, over one world created
/// once: pods with tricky annotations in two namespaces, a deployment, services, config maps with
/// tricky values, a secret, an event, and an empty namespace. The printers must match byte for byte.
/// </summary>
public class GetParityTests : ParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await CreateAsync("create", "namespaces.yaml");
        await CreateAsync("create", "pods.yaml");
        // apply adds the last-applied-configuration annotation: long JSON ending in a newline.
        await CreateAsync("apply", "configmaps.yaml");
        await CreateAsync("create", "events.yaml");
        await CreateAsync("create", "scaling.yaml");
        foreach (var args in new[]
        {
            new[] { "create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "-n", "team-a" },
            ["create", "service", "clusterip", "web", "--tcp=80:8080", "-n", "team-a"],
            ["create", "service", "nodeport", "db", "--tcp=5432:5432", "-n", "team-b"],
            ["create", "secret", "generic", "creds", "--from-literal=password=s3cr3t", "--from-literal=user=admin", "-n", "team-a"],
            ["run", "nginx", "--image=nginx", "--labels=app=web,run=nginx"],
        })
        {
            var result = await Kubectl.RunAsync(args);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
        }
    }

    public static IEnumerable<TestCaseData> TableCases()
    {
        static TestCaseData Case(GetFlags flags, params string[] args) =>
            new TestCaseData(flags, args).SetArgDisplayNames(string.Join(' ', args));
        var teamA = new GetFlags { Namespace = "team-a" };
        yield return Case(new GetFlags(), "get", "pods");
        yield return Case(teamA, "get", "pods", "-n", "team-a");
        yield return Case(teamA with { Output = "wide" }, "get", "pods", "-n", "team-a", "-o", "wide");
        yield return Case(new GetFlags { AllNamespaces = true }, "get", "pods", "-A");
        yield return Case(new GetFlags { AllNamespaces = true, Output = "wide", ShowLabels = true }, "get", "pods", "-A", "-o", "wide", "--show-labels");
        yield return Case(teamA with { LabelColumns = ["app", "app.kubernetes.io/name"] }, "get", "pods", "-n", "team-a", "-L", "app", "-L", "app.kubernetes.io/name");
        yield return Case(teamA with { NoHeaders = true }, "get", "pods", "-n", "team-a", "--no-headers");
        yield return Case(teamA, "get", "all", "-n", "team-a");
        yield return Case(teamA, "get", "cm,secret", "-n", "team-a");
        yield return Case(teamA, "get", "ingress,pdb,hpa", "-n", "team-a");
        yield return Case(new GetFlags { AllNamespaces = true, Output = "wide" }, "get", "ing,poddisruptionbudgets,horizontalpodautoscalers", "-A", "-o", "wide");
        yield return Case(new GetFlags { AllNamespaces = true }, "get", "deploy,svc,cm", "-A");
        yield return Case(teamA, "get", "pod", "web-1", "-n", "team-a");
        yield return Case(teamA, "get", "pod", "web-1", "web-2", "-n", "team-a");
        yield return Case(teamA, "get", "events", "-n", "team-a");
        yield return Case(new GetFlags(), "get", "namespaces");
        yield return Case(new GetFlags { Namespace = "quiet" }, "get", "pods", "-n", "quiet");
        yield return Case(new GetFlags { Namespace = "quiet" }, "get", "all", "-n", "quiet");
        yield return Case(new GetFlags { AllNamespaces = true }, "get", "pods", "-A", "-l", "app=nothing");
        yield return Case(new GetFlags(), "get", "pod", "nope");
        yield return Case(teamA, "get", "pod", "web-1", "nope", "-n", "team-a");
        yield return Case(new GetFlags { Namespace = "ghost" }, "get", "pod", "web-1", "-n", "ghost");
        yield return Case(teamA with { Output = "wide" }, "get", "deploy,rs,svc", "-n", "team-a", "-o", "wide");
        yield return Case(new GetFlags { AllNamespaces = true, NoHeaders = true }, "get", "cm,secret", "-A", "--no-headers");
    }

    [TestCaseSource(nameof(TableCases))]
    public async Task Table(GetFlags flags, string[] args)
    {
        var (real, responses) = await MeasureAsync(ApiClient.TableAccept, args);
        AssertSame(real, await ReplayAsync(responses, flags));
    }

    public static IEnumerable<TestCaseData> GenericCases()
    {
        static TestCaseData Case(string output, params string[] args) =>
            new TestCaseData(output, args).SetArgDisplayNames(string.Join(' ', args) + " -o " + output);
        foreach (var output in new[] { "json", "yaml", "name" })
        {
            yield return Case(output, "get", "pod", "web-1", "-n", "team-a");
            yield return Case(output, "get", "pods", "-n", "team-a");
            yield return Case(output, "get", "cm", "-n", "team-a");
            yield return Case(output, "get", "cm,secret", "-n", "team-a");
            yield return Case(output, "get", "all", "-n", "team-a");
            yield return Case(output, "get", "pods", "-A");
            yield return Case(output, "get", "deploy", "web", "-n", "team-a");
            yield return Case(output, "get", "events", "-n", "team-a");
            yield return Case(output, "get", "pods", "-n", "quiet");
            yield return Case(output, "get", "pod", "nope");
            yield return Case(output, "get", "pod", "web-1", "nope", "-n", "team-a");
            yield return Case(output, "get", "pod", "web-1", "-n", "ghost");
        }
        yield return Case("yaml", "get", "cm", "tricky", "-n", "team-a", "--show-managed-fields");
        yield return Case("json", "get", "pod", "web-1", "-n", "team-a", "--show-managed-fields");
        yield return Case("jsonpath={.items[*].metadata.name}", "get", "pods", "-A");
        yield return Case("jsonpath={range .items[*]}{.metadata.namespace}{\"/\"}{.metadata.name}{\"\\t\"}{.metadata.labels}{\"\\n\"}{end}", "get", "pods", "-A");
        yield return Case("jsonpath={.items[?(@.metadata.name==\"web-1\")].spec.containers[0].image}", "get", "pods", "-n", "team-a");
        yield return Case("jsonpath={.metadata.annotations}", "get", "pod", "web-1", "-n", "team-a");
        yield return Case("jsonpath={.data.1} {.data.zero} {.metadata.managedFields[0].manager}", "get", "cm", "tricky", "-n", "team-a");
        yield return Case("jsonpath={.spec.containers[*].args}{.spec.containers[-1:].name}{.nothing.here}", "get", "pod", "web-1", "-n", "team-a");
        yield return Case("jsonpath={range .items[*]}{.metadata.name}{range .spec.containers[*]}{\" \"}{.image}{end}{\"\\n\"}{end}", "get", "pods", "-n", "team-a");
        yield return Case("jsonpath={.items[*].spec.containers[?(@.name==\"sidecar\")].command}", "get", "pods", "-n", "team-a");
        // Recursive descent under spec only: across spec and status, kubectl's order follows Go's random map order.
        yield return Case("jsonpath={.spec..image}", "get", "pod", "web-2", "-n", "team-a");
        yield return Case("jsonpath={.spec.replicas} {.status}", "get", "deploy", "web", "-n", "team-a");
        yield return Case("jsonpath-as-json={.items[*].metadata.name}", "get", "pods", "-n", "team-a");
        yield return Case("jsonpath-as-json={.metadata.labels}", "get", "pod", "web-1", "-n", "team-a");
        yield return Case("custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,LABELS:{.metadata.labels},NONE:nope", "get", "pods", "-A");
        yield return Case("custom-columns=NS:metadata.namespace,DATA:.data.h,ANN:.metadata.annotations.tab", "get", "cm", "tricky", "-n", "team-a");
    }

    [TestCaseSource(nameof(GenericCases))]
    public async Task Generic(string output, string[] args)
    {
        var flags = new GetFlags { Output = output, ShowManagedFields = args.Contains("--show-managed-fields") };
        var (real, responses) = await MeasureAsync(ApiClient.JsonAccept, [.. args, "-o", output]);
        AssertSame(real, await ReplayAsync(responses, flags));
    }
}
