using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Scenarios.Transcripts.Rendering;

namespace KubeLab.Scenarios.Tests.Running;

/// <summary>
/// A background terminal runs beside the steps, on other threads: the runner lets it run until it waits on the
/// cluster before the step that starts it ends and before it is stopped, so its requests belong to its own step
/// and what it printed is the same on every run.
/// </summary>
public class BackgroundTerminalTests
{
    private const string Lesson = """
        id: background
        title: Background terminals
        summary: A watch, a proxy and a followed watch through it.
        level: beginner
        minutes: 3
        cluster:
          objects:
            - { apiVersion: v1, kind: ConfigMap, metadata: { name: first, namespace: default }, data: { a: "1" } }
        steps:
          - title: Watch
            narration: Lists, then watches.
            background: watch
            kubectl: get configmaps --watch --output-watch-events
          - title: Proxy
            narration: Listens.
            background: proxy
            kubectl: proxy
          - title: Raw watch
            narration: Through the proxy, from the start of the lesson.
            background: raw
            curl: curl -sN "http://127.0.0.1:8001/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0"
          - title: A change
            narration: Behind your back.
            apply: { apiVersion: v1, kind: ConfigMap, metadata: { name: second, namespace: default }, data: { b: "2" } }
          - title: Stop the watch
            narration: Ctrl-C.
            stop: watch
          - title: Stop the raw watch
            narration: Ctrl-C.
            stop: raw
          - title: Stop the proxy
            narration: Ctrl-C.
            stop: proxy
        """;

    private const string FollowedLogs = """
        id: background
        title: Followed logs
        summary: logs -f while time passes.
        level: beginner
        minutes: 3
        cluster:
          objects:
            - apiVersion: v1
              kind: Pod
              metadata: { name: ticker, namespace: default }
              spec:
                containers: [{ name: ticker, image: busybox, command: [sh, -c, "echo one; sleep 5; echo two; sleep 3600"] }]
        steps:
          - title: Running
            narration: Wait for it.
            wait: { for: { ref: pods/ticker, path: status.phase, equals: Running } }
          - title: Follow
            narration: The first line at once.
            background: follow
            kubectl: logs -f ticker
          - title: Time passes
            narration: The second line comes.
            clock: { advance: 10s }
          - title: Stop
            narration: Ctrl-C.
            stop: follow
        """;

    private static async Task<Transcript> Run(string lesson = Lesson)
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var result = ScenarioLoader.Load(lesson, Path.Combine(folder, "background.yaml"));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        return await new ScenarioRunner(EmulatedClients.Create()).RunAsync(result.Scenario!);
    }

    [Test]
    public async Task ABackgroundCommandsRequestsBelongToTheStepThatStartsIt()
    {
        var transcript = await Run();
        Assert.That(transcript.Steps.Select(s => s.Error), Is.All.Null);
        var watch = transcript.Steps[0].Exchanges.Select(e => $"{e.Method} {e.Target}").ToList();
        Assert.That(watch, Does.Contain("GET /api/v1/namespaces/default/configmaps?limit=500"));
        Assert.That(watch.Last(), Does.Match(@"^GET /api/v1/namespaces/default/configmaps\?resourceVersion=\d+&watch=true$"));
        Assert.That(transcript.Steps[0].Stdout, Does.Match(@"^EVENT\s+NAME\s+DATA\s+AGE\nADDED\s+first\s"));
        Assert.That(transcript.Steps[2].Exchanges.Select(e => e.Target), Is.EqualTo(new[] { "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0" }));
        Assert.That(transcript.Steps[3].Exchanges.Select(e => e.Method), Is.EqualTo(new[] { "POST" }), "the change alone");
    }

    [Test]
    public async Task AStoppedCommandHasPrintedEverythingThatReachedIt()
    {
        var transcript = await Run();
        Assert.That(transcript.Steps[4].Stdout, Does.Match(@"^EVENT\s+NAME\s+DATA\s+AGE\nADDED\s+first\s+1\s+0s\nADDED\s+second\s+1\s+0s\n$"));
        var raw = transcript.Steps[5].Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(raw.Select(l => l[..l.IndexOf(",\"object\"", StringComparison.Ordinal)]), Is.EqualTo(new[] { "{\"type\":\"ADDED\"", "{\"type\":\"ADDED\"" }));
        Assert.That(raw[1], Does.Contain("\"name\":\"second\""));
    }

    [Test]
    public async Task AFollowedLogHasEveryLineWrittenBeforeItStops()
    {
        var transcript = await Run(FollowedLogs);
        Assert.That(transcript.Steps.Select(s => s.Error), Is.All.Null);
        Assert.That(transcript.Steps[1].Exchanges.Select(e => e.Target).Last(), Is.EqualTo("/api/v1/namespaces/default/pods/ticker/log?container=ticker&follow=true"));
        Assert.That(transcript.Steps[3].Stdout, Is.EqualTo("one\ntwo\n"));
    }

    [Test]
    public async Task TheTranscriptIsTheSameOnEveryRun()
    {
        var first = TranscriptJson.Render(await Run());
        for (var i = 0; i < 3; i++) Assert.That(TranscriptJson.Render(await Run()), Is.EqualTo(first));
    }
}
