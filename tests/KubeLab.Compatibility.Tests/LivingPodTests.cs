using KubeLab.Compatibility.Tests.Infrastructure;
using static KubeLab.Testing.KubectlResult;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// Pods that live: the scheduler and the kubelet take them from Pending to Running in real time, and
/// kubectl watches, waits, describes, reads logs and deletes as it would on a real cluster.
/// Each test works in a namespace of its own.
/// </summary>
public class LivingPodTests : SimulatorFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task WaitReady(string pod, string ns)
    {
        Assert.That(await Kubectl.RunAsync("wait", "--for=condition=Ready", $"pod/{pod}", "-n", ns, "--timeout=30s"),
            Is.EqualTo(Success($"pod/{pod} condition met\n")));
    }

    [Test]
    public async Task WatchShowsEachChangeOfAPodsLifeWithItsEventType()
    {
        var ns = await CreateNamespaceAsync();
        await using var watch = Kubectl.Start("get", "pods", "-w", "--output-watch-events", "-n", ns);
        await RunPodAsync("web", "nginx", ns);
        await watch.WaitForLineAsync(l => l.StartsWith("MODIFIED") && l.Contains(" Running "), Patience);
        Assert.That(await Kubectl.RunAsync("delete", "pod", "web", "-n", ns), Is.EqualTo(Success("pod \"web\" deleted\n")));
        await watch.WaitForLineAsync(l => l.StartsWith("DELETED"), Patience);

        var rows = watch.Lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.That(rows[0], Is.EqualTo(new[] { "EVENT", "NAME", "READY", "STATUS", "RESTARTS", "AGE" }));
        var seen = rows.Skip(1).Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}").Distinct().ToList();
        var log = string.Join("\n", watch.Lines);
        // Where the stream starts depends on when kubectl's list lands; from there every change is shown, in order.
        string[] lifecycle = ["Pending", "ContainerCreating", "Running", "Terminating", "Completed"];
        var stages = seen.Select(s => Array.IndexOf(lifecycle, s.Split(' ')[3])).ToList();
        Assert.That(stages, Is.Ordered.And.All.GreaterThanOrEqualTo(0), log);
        Assert.That(seen[0], Does.StartWith("ADDED web "), log);
        Assert.That(seen, Does.Contain("MODIFIED web 1/1 Running").And.Contain("MODIFIED web 1/1 Terminating"), log);
        Assert.That(seen[^1], Is.EqualTo("DELETED web 0/1 Completed"), log);
    }

    [Test]
    public async Task WaitForReadyThenDescribeShowsTheSchedulerAndKubeletEvents()
    {
        var ns = await CreateNamespaceAsync();
        await RunPodAsync("nginx", "nginx", ns);
        await WaitReady("nginx", ns);

        var describe = await Kubectl.RunAsync("describe", "pod", "nginx", "-n", ns);
        Assert.That(describe.ExitCode, Is.Zero, describe.ToString());
        Assert.That(describe.Stdout, Does.Contain("Node:             worker-1/172.18.0.3\n"));
        Assert.That(describe.Stdout, Does.Contain("Status:           Running\n"));
        Assert.That(describe.Stdout, Does.Match(@"\n    Container ID:   containerd://[0-9a-f]{64}\n"));
        Assert.That(describe.Stdout, Does.Match(@"\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       True \n  ContainersReady             True \n  PodScheduled                True \n"));
        var events = describe.Stdout[describe.Stdout.IndexOf("Events:", StringComparison.Ordinal)..].Split('\n')
            .Skip(3).Where(l => l.Length > 0).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var shown = events.Select(e => $"{e[0]} {e[1]} {e[3]}: {e[4]}").ToList();
        Assert.That(shown, Has.Count.EqualTo(5), describe.Stdout);
        Assert.That(shown[0], Is.EqualTo($"Normal Scheduled default-scheduler: Successfully assigned {ns}/nginx to worker-1"));
        Assert.That(shown[1], Is.EqualTo("Normal Pulling kubelet: Pulling image \"nginx\""));
        // 1.204s for the first pull on the node; another test of this class may have pulled nginx there already.
        Assert.That(shown[2], Does.Match(@"^Normal Pulled kubelet: Successfully pulled image ""nginx"" in (1\.204s|\d+ms) \((1\.204s|\d+ms) including waiting\)\. Image size: 72223946 bytes\.$"));
        Assert.That(shown[3], Is.EqualTo("Normal Created kubelet: Created container: nginx"));
        Assert.That(shown[4], Is.EqualTo("Normal Started kubelet: Started container nginx"));
    }

    [Test]
    public async Task WaitForDeleteReturnsOnceTheKubeletHasStoppedThePod()
    {
        var ns = await CreateNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("run", "loop", "--image=busybox", "-n", ns, "--", "sleep", "3600"), Is.EqualTo(Success("pod/loop created\n")));
        await WaitReady("loop", ns);
        // sh as PID 1 ignores SIGTERM: the kubelet kills it when the (shortened) grace period ends.
        Assert.That(await Kubectl.RunAsync("delete", "pod", "loop", "-n", ns, "--grace-period=2", "--wait=false"), Is.EqualTo(Success("pod \"loop\" deleted\n")));
        Assert.That(await Kubectl.RunAsync("get", "pod", "loop", "-n", ns, "-o", "jsonpath={.metadata.deletionGracePeriodSeconds}"), Is.EqualTo(Success("2")));
        Assert.That(await Kubectl.RunAsync("wait", "--for=delete", "pod/loop", "-n", ns, "--timeout=30s"), Is.EqualTo(Success("pod/loop condition met\n")));
    }

    [Test]
    public async Task LogsOfARunningServer()
    {
        var ns = await CreateNamespaceAsync();
        await RunPodAsync("nginx", "nginx", ns);
        await WaitReady("nginx", ns);

        var logs = await Kubectl.RunAsync("logs", "nginx", "-n", ns);
        Assert.That(logs.ExitCode, Is.Zero, logs.ToString());
        Assert.That(logs.Stdout, Does.StartWith("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n"));
        Assert.That(logs.Stdout, Does.Contain("/docker-entrypoint.sh: Configuration complete; ready for start up\n"));
        var tail = await Kubectl.RunAsync("logs", "nginx", "-n", ns, "--tail=1", "--timestamps");
        Assert.That(tail.Stdout, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 32\n$"), tail.ToString());
        Assert.That(await Kubectl.RunAsync("logs", "nope", "-n", ns),
            Is.EqualTo(Failure($"error: error from server (NotFound): pods \"nope\" not found in namespace \"{ns}\"\n")));
    }

    [Test]
    public async Task FollowedLogsEndWhenTheContainerDoes()
    {
        var ns = await CreateNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("run", "counter", "--image=busybox", "--restart=Never", "-n", ns, "--",
            "sh", "-c", "for i in 1 2 3; do echo line $i; sleep 1; done"), Is.EqualTo(Success("pod/counter created\n")));
        await WaitReady("counter", ns);
        await using var follow = Kubectl.Start("logs", "-f", "counter", "-n", ns);
        Assert.That(await follow.WaitForExitAsync(Patience), Is.Zero, follow.Stderr);
        Assert.That(follow.Lines, Is.EqualTo(new[] { "line 1", "line 2", "line 3" }));
        Assert.That(await Kubectl.RunAsync("get", "pod", "counter", "-n", ns, "-o", "jsonpath={.status.phase}"), Is.EqualTo(Success("Succeeded")));
    }

    [Test]
    public async Task SeveralContainersAndAContainerThatCannotStart()
    {
        var ns = await CreateNamespaceAsync();
        Assert.That(await Kubectl.RunAsync("run", "two", "--image=nginx", "-n", ns,
            "--overrides={\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"},{\"name\":\"cache\",\"image\":\"redis\"}]}}"),
            Is.EqualTo(Success("pod/two created\n")));
        await WaitReady("two", ns);
        var logs = await Kubectl.RunAsync("logs", "two", "-n", ns, "--tail=1");
        Assert.That(logs.Stderr, Is.EqualTo("Defaulted container \"web\" out of: web, cache\n"));
        Assert.That((await Kubectl.RunAsync("logs", "two", "-c", "cache", "-n", ns, "--tail=1")).Stdout, Does.EndWith("* Ready to accept connections tcp\n"));

        Assert.That(await Kubectl.RunAsync("run", "never", "--image=example.com/not-here:1", "--image-pull-policy=Never", "-n", ns),
            Is.EqualTo(Success("pod/never created\n")));
        var waiting = await Kubectl.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=ErrImageNeverPull", "pod/never", "-n", ns, "--timeout=30s");
        Assert.That(waiting.ExitCode, Is.Zero, waiting.ToString());
        Assert.That(await Kubectl.RunAsync("logs", "never", "-n", ns), Is.EqualTo(Failure(
            "Error from server (BadRequest): container \"never\" in pod \"never\" is waiting to start: ErrImageNeverPull\n")));
    }
}
