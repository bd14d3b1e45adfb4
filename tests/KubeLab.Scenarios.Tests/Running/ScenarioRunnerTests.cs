using System.Text.Json;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Tests.Running;

public class ScenarioRunnerTests
{
    internal const string Lesson = """
        id: raw-http
        title: Raw HTTP
        summary: Talk to the API server without kubectl.
        level: beginner
        minutes: 3
        steps:
          - title: Create a namespace
            narration: A **POST** creates it.
            http:
              method: POST
              path: /api/v1/namespaces
              headers: { Content-Type: application/json }
              body: { metadata: { name: rodrigo } }
            expect:
              response: { status: 201, body: { path: status.phase, equals: Active } }
              object: { ref: namespaces/rodrigo, path: spec.finalizers, equals: [kubernetes] }
            capture:
              uid: { from: response, path: metadata.uid }
          - title: Something behind your back
            narration: The admin adds a config map.
            apply:
              apiVersion: v1
              kind: ConfigMap
              metadata: { name: settings, namespace: rodrigo }
              data: { mode: fast }
            expect:
              object: { ref: configmaps/settings, namespace: rodrigo, path: data.mode, equals: fast }
          - title: Read it back
            narration: The uid is the one the POST returned.
            http: { method: GET, path: /api/v1/namespaces/rodrigo }
            expect:
              response: { status: 200, body: { path: metadata.uid, equals: "${uid}" } }
          - title: Time passes
            narration: Nothing happens by itself.
            clock: { advance: 30s }
        """;

    internal static Scenario Load()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var result = ScenarioLoader.Load(Lesson, Path.Combine(folder, "raw-http.yaml"));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    private static Task<Transcript> Run() => new ScenarioRunner([]).RunAsync(Load());

    [Test]
    public async Task RunsEveryStepAndRecordsItsExchangesAndChanges()
    {
        var transcript = await Run();
        Assert.That(transcript.Steps.SelectMany(s => s.Checks).Where(c => !c.Passed).Select(c => $"{c.Description}: {c.Detail}"), Is.Empty);
        Assert.That(transcript.Steps.Select(s => s.Error), Is.All.Null);
        Assert.That(transcript.Passed);

        var create = transcript.Steps[0];
        Assert.That(create.NarrationHtml, Is.EqualTo("<p>A <strong>POST</strong> creates it.</p>\n"));
        Assert.That(create.Exchanges.Select(e => $"{e.Method} {e.Target} {e.Status}"), Is.EqualTo(new[] { "POST /api/v1/namespaces 201" }));
        Assert.That(create.Changes.Select(c => $"{c.Kind} {c.Resource} {c.Name}"), Does.Contain("Added namespaces rodrigo"));

        var apply = transcript.Steps[1];
        Assert.That(apply.Command, Is.EqualTo("(the cluster admin applies 1 object)"));
        Assert.That(apply.Exchanges.Select(e => e.Method), Is.EqualTo(new[] { "POST" }));
    }

    [Test]
    public async Task AFailingCheckSaysWhatWasFoundInstead()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var lesson = Lesson.Replace("equals: Active", "equals: Terminating");
        var result = ScenarioLoader.Load(lesson, Path.Combine(folder, "raw-http.yaml"));
        var transcript = await new ScenarioRunner([]).RunAsync(result.Scenario!);
        var failed = transcript.Steps[0].Checks.Single(c => !c.Passed);
        Assert.That((failed.Description, failed.Detail), Is.EqualTo(("the main request body status.phase equals \"Terminating\"", "status.phase is \"Active\"")));
        Assert.That(transcript.Passed, Is.False);
    }

    [Test]
    public async Task TwoRunsGiveTheSameTranscript()
    {
        var first = JsonSerializer.Serialize(await Run());
        var second = JsonSerializer.Serialize(await Run());
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task TheLearnersFilesNameTheServerAsTheirKubeconfigDoesAndVariablesPrecedeTheCommand()
    {
        const string lesson = """
            id: own-kubeconfig
            title: A kubeconfig of one's own
            summary: The learner's file names the server.
            level: beginner
            minutes: 1
            files:
              other.kubeconfig: |
                apiVersion: v1
                kind: Config
                clusters: [{ name: c, cluster: { server: "${server}" } }]
                contexts: [{ name: x, context: { cluster: c, user: u } }]
                current-context: x
                users: [{ name: u, user: { token: "$${not-a-variable}" } }]
            steps:
              - title: Read it
                narration: Where it points.
                env: { KUBECONFIG: other.kubeconfig, EMPTY: "" }
                kubectl: config view --raw -o 'jsonpath={.clusters[0].cluster.server}|{.users[0].user.token}'
            """;
        var folder = Directory.CreateTempSubdirectory().FullName;
        var result = ScenarioLoader.Load(lesson, Path.Combine(folder, "own-kubeconfig.yaml"));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));

        var transcript = await new ScenarioRunner(Clients.EmulatedClients.Create()).RunAsync(result.Scenario!);

        Assert.That(transcript.Steps[0].Stdout, Is.EqualTo("https://127.0.0.1:6443|${not-a-variable}"));
        Assert.That(transcript.Steps[0].Command, Is.EqualTo(
            "KUBECONFIG=other.kubeconfig EMPTY='' kubectl config view --raw -o 'jsonpath={.clusters[0].cluster.server}|{.users[0].user.token}'"),
            "the variables before the command, as a shell shows them");
    }

    [Test]
    public async Task ACaptureNamesTheObjectOfAnObjectCheckAWaitAndAnObjectCapture()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var lesson = Lesson.Replace("uid: { from: response, path: metadata.uid }",
            "uid: { from: response, path: metadata.uid }\n      ns: { from: response, path: metadata.name }") + "\n" + """
              - title: Wait for it by its captured name
                narration: The names come from the first step.
                wait: { for: { ref: configmaps/settings, namespace: "${ns}", path: data.mode, equals: fast } }
                expect:
                  object: { ref: "namespaces/${ns}", path: metadata.uid, equals: "${uid}" }
                capture:
                  phase: { from: object, ref: "namespaces/${ns}", path: status.phase }
              - title: Use what the object capture kept
                narration: Active.
                clock: { advance: 1s }
                expect:
                  object: { ref: "namespaces/${ns}", path: status.phase, equals: "${phase}" }
            """;
        var result = ScenarioLoader.Load(lesson, Path.Combine(folder, "raw-http.yaml"));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));

        var transcript = await new ScenarioRunner([]).RunAsync(result.Scenario!);

        Assert.That(transcript.Steps.Select(s => s.Error), Has.All.Null);
        Assert.That(transcript.Steps.TakeLast(2).SelectMany(s => s.Checks).Select(c => (c.Description, c.Passed)), Is.EqualTo(new[]
        {
            ($"namespaces/rodrigo metadata.uid equals \"{System.Text.Json.Nodes.JsonNode.Parse(transcript.Steps[0].Exchanges[0].ResponseText)!["metadata"]!["uid"]}\"", true),
            ("namespaces/rodrigo status.phase equals \"Active\"", true),
        }));
    }

    [Test]
    public async Task ACommandWithoutAnEmulatorIsAStepErrorNotASilentPass()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var result = ScenarioLoader.Load(Lesson.Replace("    clock: { advance: 30s }", "    kubectl: get pods"), Path.Combine(folder, "raw-http.yaml"));
        var transcript = await new ScenarioRunner([]).RunAsync(result.Scenario!);
        Assert.That(transcript.Steps[^1].Error, Is.EqualTo("kubectl is not available to this lesson runner"));
        Assert.That(transcript.Passed, Is.False);
    }

    [Test]
    public async Task ACaptureIsSubstitutedInTheRequestLinesOfChecks()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var lesson = Lesson + "\n" + """
              - title: Watch from there
                narration: The uid is not a resourceVersion, but it makes a query no other step has.
                http: { method: GET, path: "/api/v1/namespaces/rodrigo?uid=${uid}" }
                expect:
                  requests: [ "GET /api/v1/namespaces/rodrigo?uid=${uid}" ]
                  response: { request: "GET /api/v1/namespaces/rodrigo?uid=${uid}", status: 200 }
            """;
        var result = ScenarioLoader.Load(lesson, Path.Combine(folder, "raw-http.yaml"));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var transcript = await new ScenarioRunner([]).RunAsync(result.Scenario!);
        var last = transcript.Steps[^1];
        Assert.That(last.Checks.Select(c => (c.Description, c.Passed)), Has.All.Matches<(string, bool)>(c => c.Item2));
        Assert.That(last.Checks.Select(c => c.Description), Has.Some.Contains($"GET /api/v1/namespaces/rodrigo?uid={last.Exchanges[0].Target.Split("uid=")[1]}"));
    }

    [Test]
    public async Task ARawRequestWithItsOwnAuthorizationSendsOnlyThat()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var lesson = Lesson.Replace("http: { method: GET, path: /api/v1/namespaces/rodrigo }",
            "http: { method: GET, path: /api/v1/namespaces/rodrigo, headers: { Authorization: Bearer wrong } }");
        var transcript = await new ScenarioRunner([]).RunAsync(ScenarioLoader.Load(lesson, Path.Combine(folder, "raw-http.yaml")).Scenario!);
        var read = transcript.Steps[2].Exchanges.Single();
        Assert.That(read.Status, Is.EqualTo(401));
        Assert.That(read.RequestHeaders.Where(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value), Is.EqualTo(new[] { "Bearer wrong" }));
    }
}
