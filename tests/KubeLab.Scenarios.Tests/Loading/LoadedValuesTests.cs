using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Tests.Loading;

/// <summary>What a runner gets from a lesson: the values as written, resolved where the format says so.</summary>
public class LoadedValuesTests
{
    private static Scenario PodsOnTheWire() =>
        ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, "pods-on-the-wire.yaml")).Scenario!;

    [Test]
    public void MetadataAndFiles()
    {
        var lesson = PodsOnTheWire();
        Assert.Multiple(() =>
        {
            Assert.That(lesson.Metadata with { Summary = "", Tags = [] }, Is.EqualTo(new LessonMetadata("pods-on-the-wire", "Pods on the wire", "", LessonLevel.Beginner, 8, [])));
            Assert.That(lesson.Metadata.Tags, Is.EqualTo(new[] { "pods", "http", "basics" }));
            Assert.That(lesson.Files.Single().Name, Is.EqualTo("nginx.yaml"));
            Assert.That(lesson.Files.Single().Content, Does.StartWith("apiVersion: v1\nkind: Pod\n"));
            Assert.That(lesson.Cluster.IsDefault);
        });
    }

    [Test]
    public void TheFirstStep()
    {
        var step = PodsOnTheWire().Steps[0];
        Assert.Multiple(() =>
        {
            Assert.That(step.Action, Is.TypeOf<KubectlAction>());
            Assert.That(((KubectlAction)step.Action).Arguments, Is.EqualTo(new[] { "create", "-f", "nginx.yaml" }));
            Assert.That(step.At, Is.EqualTo(new SourcePosition(23, 5)));
            Assert.That(step.Expect.Exit, Is.Null, "no exit written: the runner expects 0");
            Assert.That(step.Expect.Stdout, Is.EqualTo(ValueCheck.Equal("pod/nginx created")).Using<ValueCheck>(SameCheck));
            Assert.That(step.Expect.Requests.Select(r => r.ToString()), Is.EqualTo(new[]
            {
                "GET /openapi/v3", "POST /api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict",
            }));
            var response = step.Expect.Responses.Single();
            Assert.That(response.Exchange.Request!.ToString(), Is.EqualTo("POST /api/v1/namespaces/default/pods"));
            Assert.That(response.Status, Is.EqualTo(201));
            Assert.That(response.Body!.Path!.Text, Is.EqualTo("status.phase"));
            Assert.That(response.Body.EqualTo!.Value!.GetValue<string>(), Is.EqualTo("Pending"));
            var capture = step.Captures.Single();
            Assert.That((capture.Name, capture.From, capture.Path!.Text), Is.EqualTo(("uid", CaptureSource.Response, "metadata.uid")));
        });
    }

    [Test]
    public void ObjectReferencesAreResolvedAgainstTheCatalog()
    {
        var check = PodsOnTheWire().Steps[4].Expect.Objects.Single();
        Assert.That(check.Ref, Is.EqualTo(new ObjectRef("pods", "", "pods", "nginx", null)));
        Assert.That(check.Value.Exists, Is.False);
    }

    [Test]
    public void ErrorsInsideFoldedCommandsPointAtTheWord()
    {
        const string lesson = """
            id: folded
            title: T
            summary: S
            level: beginner
            minutes: 5
            steps:
              - title: A step
                narration: N
                curl: >-
                  curl -k -X PUT
                  --heder 'Content-Type: application/json'
                  ${server}/api/v1/namespaces/rodrigo/finalize
            """;
        var error = ScenarioLoader.Load(lesson, "/lessons/folded.yaml").Errors.Single();
        Assert.That($"{error.At}: {error.Message}", Is.EqualTo("(11,7): unknown curl option '--heder' — did you mean '--header'?"));
    }

    [Test]
    public void ErrorsInsideLiteralBlocksPointAtTheLine()
    {
        const string lesson = """
            id: literal
            title: T
            summary: S
            level: beginner
            minutes: 5
            files:
              pod.yaml: |
                apiVersion: v1
                image: ${imgae}
            steps:
              - title: A step
                narration: N
                kubectl: get pods
            """;
        var error = ScenarioLoader.Load(lesson, "/lessons/literal.yaml").Errors.Single();
        Assert.That($"{error.At}: {error.Message}", Does.StartWith("(9,12): undefined variable '${imgae}'"));
    }

    private static bool SameCheck(ValueCheck a, ValueCheck b) =>
        a.Path == b.Path && a.Matching == b.Matching && a.Exists == b.Exists && a.Containing.Count == b.Containing.Count &&
        a.EqualTo?.Value?.ToJsonString() == b.EqualTo?.Value?.ToJsonString();
}
