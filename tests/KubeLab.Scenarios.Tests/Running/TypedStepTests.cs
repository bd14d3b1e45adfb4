using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;

namespace KubeLab.Scenarios.Tests.Running;

/// <summary>Command lines typed into a run (the site's sandbox): run as steps of their own, or refused as a lesson author would be.</summary>
public class TypedStepTests
{
    /// <summary>A lesson with no steps of its own: every step is typed.</summary>
    private static readonly Scenario Blank = new(Path.Combine(Path.GetTempPath(), "kubelab-no-such-folder", "sandbox.yaml"),
        new LessonMetadata("sandbox", "Sandbox", "Typed commands only.", LessonLevel.Beginner, 1, []), [], ClusterSetup.Default, []);

    private static Task<LessonRun> StartAsync(Scenario? scenario = null) =>
        new ScenarioRunner(EmulatedClients.Create()).StartAsync(scenario ?? Blank);

    [Test]
    public async Task ATypedKubectlCommandRunsAsAStepWithItsExchanges()
    {
        await using var run = await StartAsync();
        var typed = await run.RunTypedAsync("  kubectl create namespace demo ");

        Assert.That(typed.Errors, Is.Empty);
        var step = typed.Step!;
        Assert.That((step.Number, step.Title, step.Command), Is.EqualTo((1, "kubectl create namespace demo", "kubectl create namespace demo")));
        Assert.That((step.Stdout, step.ExitCode), Is.EqualTo(("namespace/demo created\n", 0)));
        var post = step.Exchanges.Single(e => e.Method == "POST");
        Assert.That((post.Target, post.Status), Is.EqualTo(("/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict", 201)));
        Assert.That(run.Cluster.Registry("", "namespaces").TryGet(null, "demo"), Is.Not.Null);
        Assert.That(run.Steps, Is.EqualTo(new[] { step }));

        var list = (await run.RunTypedAsync("kubectl get ns")).Step!;
        Assert.That(list.Number, Is.EqualTo(2));
        Assert.That(list.Stdout, Does.Contain("\ndemo ").And.StartWith("NAME "));
    }

    [Test]
    public async Task ATypedCurlCommandRunsWithTheServerVariableAndTheLearnersCertificates()
    {
        await using var run = await StartAsync();
        var step = (await run.RunTypedAsync(
            "curl -s --cacert ca.crt --cert kubernetes-admin.crt --key kubernetes-admin.key ${server}/api/v1/namespaces/default")).Step!;

        Assert.That(step.ExitCode, Is.EqualTo(0));
        Assert.That(step.Stdout, Does.Contain("\"kind\":\"Namespace\""));
        var get = step.Exchanges.Single();
        Assert.That((get.Method, get.Target, get.Status), Is.EqualTo(("GET", "/api/v1/namespaces/default", 200)));
    }

    [TestCase("kubectl gett pods", 9, "unknown command 'gett'")]
    [TestCase("kubectl exec -it nginx -- sh", 9, "runs a command inside a container")]
    [TestCase("kubectl get pods -h", 18, "help text is not simulated")]
    [TestCase("kubectl create cronjob nightly", 16, "'create cronjob' is not simulated")]
    [TestCase("kubectl proxy", 9, "runs until stopped")]
    [TestCase("kubectl get pods ${rv}", 18, "undefined variable '${rv}'")]
    [TestCase("curl -X FETCH ${server}/api", 9, "'FETCH' is not an HTTP method")]
    [TestCase("curl -s", 1, "curl needs a URL")]
    [TestCase("  ls -l", 3, "'ls' is not a command here")]
    public async Task AnUnsupportedCommandIsRefusedWithTheMessageALessonAuthorGets(string line, int column, string message)
    {
        await using var run = await StartAsync();
        var typed = await run.RunTypedAsync(line);

        Assert.That(typed.Step, Is.Null);
        Assert.That(typed.Errors, Is.Not.Empty);
        var error = typed.Errors[0];
        Assert.That(error.Message, Does.Contain(message));
        Assert.That((error.File, error.At.Line, error.At.Column), Is.EqualTo((TypedCommandReader.Source, 1, column)), error.ToString());
        Assert.That(run.Steps, Is.Empty, "a refused command is not a step");
    }

    [Test]
    public async Task AWatchRunsInATerminalOfItsOwnWhileOtherCommandsRunUntilCtrlC()
    {
        await using var run = await StartAsync();
        await run.RunTypedAsync("kubectl create configmap first");
        var watch = await run.RunTypedAsync("kubectl get configmaps -w");
        Assert.That(watch.Terminal, Is.Not.Null);
        var started = watch.Step!;
        Assert.That((started.ExitCode, run.IsRunning(watch.Terminal!)), Is.EqualTo(((int?)null, true)));
        Assert.That(started.Stdout, Does.StartWith("NAME ").And.Contain("\nfirst "));

        await run.RunTypedAsync("kubectl create configmap settings");
        var now = await run.PeekAsync(started, watch.Terminal!);
        Assert.That(now.Stdout, Does.StartWith(started.Stdout).And.Contain("\nsettings "));
        var stream = now.Exchanges.Single(e => e.Target.Contains("watch=true"));
        Assert.That(string.Concat(stream.ResponseChunks.Select(c => c.Text)), Does.Contain("\"name\":\"settings\""), "the watch's events so far");

        var stopped = await run.StopTypedAsync(started, watch.Terminal!);
        Assert.That(run.IsRunning(watch.Terminal!), Is.False);
        Assert.That((stopped.Number, stopped.Title, stopped.Stdout), Is.EqualTo((2, "kubectl get configmaps -w", now.Stdout)));
        Assert.That(run.Steps.Select(s => s.Title), Is.EqualTo(new[] { "kubectl create configmap first", "kubectl get configmaps -w", "kubectl create configmap settings", "^C" }));
    }

    [TestCase("kubectl get pods -A --watch-only")]
    [TestCase("kubectl logs nginx -f")]
    [TestCase("curl -sk \"${server}/api/v1/pods?watch=1\"")]
    public void StreamingCommandsAreKnownByTheirWords(string line)
    {
        Assert.That(TypedCommandReader.Read(line, Blank).Streams, Is.True);
        Assert.That(TypedCommandReader.Read(line.Replace(" -f", "").Replace(" --watch-only", "").Replace("?watch=1", ""), Blank).Streams, Is.False);
    }

    [Test]
    public async Task AWatchTurnedOffRuns()
    {
        await using var run = await StartAsync();
        var step = (await run.RunTypedAsync("kubectl get pods --watch=false")).Step!;
        Assert.That(step.Stderr, Is.EqualTo("No resources found in default namespace.\n"));
    }

    [Test]
    public async Task ABlankLineIsNeitherRunNorRefused()
    {
        await using var run = await StartAsync();
        var typed = await run.RunTypedAsync("   ");
        Assert.That((typed.Step, typed.Errors.Count), Is.EqualTo(((object?)null, 0)));
    }

    [Test]
    public async Task TypedStepsTakeTheirPlaceBetweenALessonsOwnSteps()
    {
        await using var run = await StartAsync(ScenarioRunnerTests.Load());
        await run.NextAsync();
        var typed = (await run.RunTypedAsync("kubectl get configmaps -n rodrigo")).Step!;
        var second = await run.NextAsync();

        Assert.That((typed.Number, second.Number, second.Title), Is.EqualTo((2, 3, "Something behind your back")));
        Assert.That(run.Transcript.Steps.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(run.Finished, Is.False);
    }

    [Test]
    public async Task PassingTimeMovesTheSimulatedClock()
    {
        await using var run = await StartAsync();
        var before = run.Cluster.Options.Clock.GetUtcNow();
        await run.PassTimeAsync(TimeSpan.FromSeconds(90));
        Assert.That(run.Cluster.Options.Clock.GetUtcNow() - before, Is.EqualTo(TimeSpan.FromSeconds(90)));
        await run.PassTimeAsync(TimeSpan.Zero);
        Assert.That(run.Cluster.Options.Clock.GetUtcNow() - before, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }
}
