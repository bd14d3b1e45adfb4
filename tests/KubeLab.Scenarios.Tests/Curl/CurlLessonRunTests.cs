using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Running;

namespace KubeLab.Scenarios.Tests.Curl;

/// <summary>curl steps of a lesson, run by the lesson runner with the emulated clients.</summary>
public class CurlLessonRunTests
{
    private const string Lesson = """
        id: curl-steps
        title: Curl
        summary: curl against the API server.
        level: beginner
        minutes: 3
        files:
          ns.json: |
            {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"rodrigo"}}
        steps:
          - title: Without the CA
            narration: curl does not trust the server.
            curl: curl ${server}/version
            expect:
              exit: 60
              stderr: { contains: "SSL certificate problem" }
          - title: As the admin
            narration: A POST with the admin's certificate.
            curl: >-
              curl -sS --cacert ca.crt --cert kubernetes-admin.crt --key kubernetes-admin.key
              -H "Content-Type: application/json" --data-binary @ns.json ${server}/api/v1/namespaces
            expect:
              exit: 0
              response: { status: 201 }
              object: { ref: namespaces/rodrigo, path: status.phase, equals: Active }
        """;

    [Test]
    public async Task EveryWordAfterCurlReachesTheEmulator()
    {
        var loaded = ScenarioLoader.Load(Lesson, Path.Combine(Directory.CreateTempSubdirectory().FullName, "curl-steps.yaml"));
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));
        var transcript = await new ScenarioRunner(EmulatedClients.Create()).RunAsync(loaded.Scenario!);
        Assert.That(transcript.Steps.SelectMany(s => s.Checks).Where(c => !c.Passed).Select(c => $"{c.Description}: {c.Detail}"), Is.Empty);
        Assert.That(transcript.Steps.Select(s => s.Error), Is.All.Null);
        Assert.That(transcript.Steps[1].Exchanges.Single().User, Is.EqualTo("kubernetes-admin"));
    }
}
