using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Controllers.Kubelet;
using KubeLab.ControlPlane.Controllers.Kubelet.Programs;

namespace KubeLab.ControlPlane.Tests.Kubelet;

/// <summary>What simulated containers print and when they end: pure functions of the container and its start.</summary>
public class ContainerProgramTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProgramContext Context(Dictionary<string, string>? env = null) =>
        new("pod", "default", "uid-1", "10.244.1.7", "c", 0, Start, env ?? [], 4);

    private static ContainerProgram Program(string image, string[]? command = null, string[]? args = null) =>
        ProgramCatalog.For(new Container { Name = "c", Image = image, Command = command?.ToList(), Args = args?.ToList() }, ImageReference.Parse(image));

    private static string Output(ContainerProgram program, TimeSpan until, ProgramContext? context = null) =>
        string.Concat(program.Output(context ?? Context()).TakeWhile(l => l.At <= until).Select(l => l.Text));

    [TestCase(new[] { "echo", "hello", "world" }, "hello world\n")]
    [TestCase(new[] { "printf", "%s-%d\\n", "a", "1", "b", "2" }, "a-1\nb-2\n")]
    [TestCase(new[] { "sh", "-c", "echo one && echo two; false || echo three" }, "one\ntwo\nthree\n")]
    [TestCase(new[] { "sh", "-c", "for i in $(seq 1 3); do echo \"n=$i\"; done" }, "n=1\nn=2\nn=3\n")]
    [TestCase(new[] { "sh", "-c", "x=5; if [ $x -gt 3 ]; then echo big; else echo small; fi" }, "big\n")]
    [TestCase(new[] { "sh", "-c", "echo $GREETING from $(hostname)" }, "hi from pod\n")]
    [TestCase(new[] { "/bin/sh", "-c", "echo -n partial" }, "partial")]
    public void CommandsPrintWhatAShellWould(string[] command, string expected)
    {
        var context = Context(new() { ["GREETING"] = "hi" });
        Assert.That(Output(Program("busybox", command), TimeSpan.FromMinutes(1), context), Is.EqualTo(expected));
        Assert.That(Program("busybox", command).Exit(context)?.ExitCode, Is.Zero);
    }

    [Test]
    public void ALoopWithSleepPrintsOverTimeAndNeverEnds()
    {
        var program = Program("busybox", ["sh", "-c", "while true; do date; sleep 10; done"]);
        Assert.That(Output(program, TimeSpan.FromSeconds(25)),
            Is.EqualTo("Wed Jan  1 00:00:00 UTC 2025\nWed Jan  1 00:00:10 UTC 2025\nWed Jan  1 00:00:20 UTC 2025\n"));
        Assert.That(program.Exit(Context()), Is.Null);
        Assert.That(program.OnStop(Context(), Start), Is.Null, "sh as PID 1 ignores SIGTERM");
    }

    [Test]
    public void ATrapOnTermLetsTheScriptExitAtOnce()
    {
        var program = Program("busybox", ["sh", "-c", "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"]);
        var reaction = program.OnStop(Context(), Start)!;
        Assert.That((reaction.ExitCode, reaction.Lines), Is.EqualTo((0, new[] { "bye" })));
    }

    [Test]
    public void ExitCodesAndSleepsDecideWhenTheContainerEnds()
    {
        Assert.That(Program("busybox", ["sh", "-c", "sleep 3; exit 4"]).Exit(Context()), Is.EqualTo((TimeSpan.FromMilliseconds(3002), 4)));
        Assert.That(Program("busybox", ["sleep", "infinity"]).Exit(Context()), Is.Null);
        Assert.That(Program("busybox").Exit(Context())?.ExitCode, Is.Zero, "a shell without a terminal exits at once");
        Assert.That(Program("registry.k8s.io/pause:3.10").Exit(Context()), Is.Null);
    }

    [Test]
    public void KnownServersPrintTheirStartupAndRunUntilStopped()
    {
        Assert.That(Output(Program("redis:7.4.2"), TimeSpan.FromSeconds(1)), Does.Contain("* Redis version=7.4.2, bits=64"));
        Assert.That(Output(Program("httpd"), TimeSpan.FromSeconds(1)), Does.Contain("using 10.244.1.7. Set the 'ServerName' directive"));
        Assert.That(Output(Program("nginx:1.27"), TimeSpan.FromSeconds(1)), Does.Contain("[notice] 1#1: nginx/1.27.5\n"));
        Assert.That(Program("nginx").Exit(Context()), Is.Null);
        Assert.That(Program("nginx").OnStop(Context(), Start)!.Lines[0], Is.EqualTo("2025/01/01 00:00:00 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down"));
        Assert.That(Output(Program("busybox", ["sh", "-c", "echo before; exec nginx -g 'daemon off;'"]), TimeSpan.FromSeconds(1)),
            Does.StartWith("before\n2025/01/01 00:00:00 [notice] 1#1: using the \"epoll\" event method\n"));
    }

    [TestCase("nginx", "docker.io/library/nginx:latest", "Always")]
    [TestCase("nginx:1.28", "docker.io/library/nginx:1.28", "IfNotPresent")]
    [TestCase("bitnami/redis", "docker.io/bitnami/redis:latest", "Always")]
    [TestCase("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10", "IfNotPresent")]
    [TestCase("localhost:5000/app", "localhost:5000/app:latest", "Always")]
    public void ImagesResolveAsContainerdResolvesThem(string image, string resolved, string policy)
    {
        var reference = ImageReference.Parse(image);
        Assert.That((reference.Resolved, reference.DefaultPullPolicy), Is.EqualTo((resolved, policy)));
    }

    [TestCase(512, "512ms")]
    [TestCase(1203, "1.203s")]
    [TestCase(1200, "1.2s")]
    [TestCase(62500, "1m2.5s")]
    public void DurationsPrintAsGoPrintsThem(int milliseconds, string text) =>
        Assert.That(GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(text));
}
