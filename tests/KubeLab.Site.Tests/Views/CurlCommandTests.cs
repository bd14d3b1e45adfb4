using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Running;
using KubeLab.Site.Lessons;

namespace KubeLab.Site.Tests.Views;

/// <summary>"Copy as curl" is proven by running the copied command: curl must send the request again.</summary>
public class CurlCommandTests
{
    /// <summary>Headers curl writes itself; the copied command leaves them to it.</summary>
    private static readonly string[] CurlOwned = ["Host", "Content-Length", "Accept-Encoding"];

    [Test]
    public async Task TheCopiedCommandSendsTheSameRequest()
    {
        await using var session = new LessonSession(LessonSessionTests.PodsOnTheWire(), new ScenarioRunner(EmulatedClients.Create()));
        var step = (await session.GoToAsync(1)).Step!;
        var original = step.Exchanges.Single(e => e.Method == "POST");
        var copied = KubeLab.Site.Exchanges.ExchangeView.From(original, KubeLab.ControlPlane.Catalog.ResourceCatalog.Default).Curl;
        Assert.That(copied, Does.StartWith("curl --cacert ca.crt 'https://127.0.0.1:6443/api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict'"));

        // A lesson whose one step is the copied command, typed on one line; curl runs in the emulator lessons use.
        var lesson = $"""
            id: replay
            title: Replay
            summary: The copied command, run.
            level: beginner
            minutes: 1
            steps:
              - title: Paste
                narration: Paste the command.
                curl: |-
                  {copied.Replace(" \\\n  ", " ").Replace("\n", "\n      ")}
            """;
        var folder = Directory.CreateTempSubdirectory().FullName;
        var loaded = ScenarioLoader.Load(lesson, Path.Combine(folder, "replay.yaml"));
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));
        var replay = (await new ScenarioRunner(EmulatedClients.Create()).RunAsync(loaded.Scenario!)).Steps.Single();
        Assert.That(replay.Error, Is.Null);
        var sent = replay.Exchanges.Single();

        Assert.That((sent.Method, sent.Target, sent.Status), Is.EqualTo((original.Method, original.Target, 201)));
        Assert.That(sent.RequestBody.Text, Is.EqualTo(original.RequestBody.Text));
        var expected = original.RequestHeaders.Where(h => !CurlOwned.Contains(h.Key)).ToList();
        Assert.That(sent.RequestHeaders.Where(h => !CurlOwned.Contains(h.Key)), Is.SupersetOf(expected));
    }
}
