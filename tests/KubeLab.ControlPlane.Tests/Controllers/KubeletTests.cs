using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class KubeletTests
{
    [Test]
    public async Task APodGoesFromContainerCreatingToRunningOnTheClusterClock()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        await c.Settle();

        var pending = await c.Pod("nginx");
        Assert.That(pending["status"]!["phase"].Text(), Is.EqualTo("Pending"));
        Assert.That(pending["status"]!["hostIP"].Text(), Is.EqualTo("172.18.0.3"));
        Assert.That(pending["status"]!["startTime"].Text(), Is.EqualTo("2025-01-01T00:00:00Z"));
        Assert.That(pending["status"]!["containerStatuses"]![0]!.ToJsonString(), Is.EqualTo(
            """{"name":"nginx","state":{"waiting":{"reason":"ContainerCreating"}},"lastState":{},"ready":false,"restartCount":0,"image":"nginx","imageID":"","started":false}"""));
        Assert.That(pending["status"]!["conditions"]!.AsArray().Select(x => $"{x!["type"]}={x["status"]}"),
            Is.EqualTo(new[] { "PodReadyToStartContainers=False", "Initialized=True", "Ready=False", "ContainersReady=False", "PodScheduled=True" }));
        Assert.That(pending.Condition("Ready")!["message"].Text(), Is.EqualTo("containers with unready status: [nginx]"));

        await c.Run(0.5);
        var sandbox = await c.Pod("nginx");
        Assert.That(sandbox["status"]!["podIP"].Text(), Is.EqualTo("10.244.1.2"), "the first address of worker-1's podCIDR");
        Assert.That(sandbox.Condition("PodReadyToStartContainers")!["status"].Text(), Is.EqualTo("True"));

        await c.Run(1.5);
        var running = await c.Pod("nginx");
        Assert.That(running["status"]!["phase"].Text(), Is.EqualTo("Running"));
        var container = running["status"]!["containerStatuses"]![0]!;
        Assert.That(container["state"]!.ToJsonString(), Is.EqualTo("""{"running":{"startedAt":"2025-01-01T00:00:01Z"}}"""));
        Assert.That(container["image"].Text(), Is.EqualTo("docker.io/library/nginx:latest"));
        Assert.That(container["imageID"].Text(), Does.Match("^docker.io/library/nginx@sha256:[0-9a-f]{64}$"));
        Assert.That(container["containerID"].Text(), Does.Match("^containerd://[0-9a-f]{64}$"));
        Assert.That((container["ready"]!.GetValue<bool>(), container["started"]!.GetValue<bool>()), Is.EqualTo((true, true)));
        Assert.That(running["status"]!["conditions"]!.AsArray().All(x => x!["status"].Text() == "True"), Is.True);

        Assert.That(await c.Events("nginx"), Is.EqualTo(new[]
        {
            "Scheduled: Successfully assigned default/nginx to worker-1",
            "Pulling: Pulling image \"nginx\"",
            "Pulled: Successfully pulled image \"nginx\" in 1.204s (1.204s including waiting). Image size: 72223946 bytes.",
            "Created: Created container: nginx",
            "Started: Started container nginx",
        }));
    }

    [Test]
    public async Task DeletingARunningPodStopsItsContainersThenTheKubeletRemovesIt()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        await c.Run(3);
        var deleted = await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/nginx");
        Assert.That(deleted["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>(), Is.EqualTo(30));

        using var watch = await c.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dnginx&resourceVersion={deleted["metadata"]!["resourceVersion"]}"),
            HttpCompletionOption.ResponseHeadersRead);
        await c.Run(1);
        using var reader = new StreamReader(await watch.Content.ReadAsStreamAsync());
        var modified = JsonNode.Parse((await reader.ReadLineAsync())!)!;
        var gone = JsonNode.Parse((await reader.ReadLineAsync())!)!;

        Assert.That(modified["type"].Text(), Is.EqualTo("MODIFIED"));
        Assert.That(modified["object"]!["status"]!["phase"].Text(), Is.EqualTo("Succeeded"), "nginx exits 0 on its stop signal");
        Assert.That(modified["object"]!["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["reason"].Text(), Is.EqualTo("Completed"));
        Assert.That(gone["type"].Text(), Is.EqualTo("DELETED"));
        Assert.That((await c.Events("nginx")).Last(), Is.EqualTo("Killing: Stopping container nginx"));
    }

    [Test]
    public async Task APodAFinalizerKeepsIsNotStartedAgainAfterTheKubeletsFinalDelete()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/pods",
            """{"metadata":{"name":"held","finalizers":["example.com/block"]},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""", expect: 201);
        await c.Run(3);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/held");
        await c.Run(1);
        var revision = c.Cluster.Store.Revision;
        await c.Cluster.Controllers.SettleAsync(maxRounds: 5);

        Assert.That(c.Cluster.Store.Revision, Is.EqualTo(revision), "nothing more is written: the kubelet is done with the pod");
        var held = await c.Pod("held");
        Assert.That(held["status"]!["phase"].Text(), Is.EqualTo("Succeeded"));
        Assert.That(held["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>(), Is.Zero, "the kubelet's final delete");
    }

    [Test]
    public async Task AShellThatIgnoresSigtermIsKilledAtTheEndOfTheGracePeriod()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"sleeper"},"spec":{"containers":[{"name":"c","image":"busybox","command":["sleep","3600"]}]}}""");
        await c.Run(3);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/sleeper");
        await c.Run(29);
        Assert.That((await c.Pod("sleeper"))["status"]!["phase"].Text(), Is.EqualTo("Running"));
        await c.Run(1.5);
        Assert.That((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/sleeper")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task AnEchoThatEndsWithRestartPolicyNeverSucceeds()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"hello"},"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox","command":["echo","hello world"]}]}}""");
        await c.Run(3);
        var pod = await c.Pod("hello");
        Assert.That(pod["status"]!["phase"].Text(), Is.EqualTo("Succeeded"));
        var terminated = pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!;
        Assert.That((terminated["exitCode"]!.GetValue<int>(), terminated["reason"].Text()), Is.EqualTo((0, "Completed")));
        Assert.That(pod.Condition("Ready")!["reason"].Text(), Is.EqualTo("PodCompleted"));
        Assert.That(pod.Condition("PodReadyToStartContainers")!["status"].Text(), Is.EqualTo("False"));
        Assert.That(await c.Logs("hello"), Is.EqualTo("hello world\n"));
    }

    [Test]
    public async Task AContainerThatKeepsExitingGoesIntoCrashLoopBackOff()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"crash"},"spec":{"containers":[{"name":"c","image":"busybox:1.37","command":["sh","-c","echo starting; exit 1"]}]}}""");
        await c.Run(6);
        var pod = await c.Pod("crash");
        var status = pod["status"]!["containerStatuses"]![0]!;
        Assert.That(pod["status"]!["phase"].Text(), Is.EqualTo("Running"));
        Assert.That(status["restartCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(status["state"]!["waiting"]!["reason"].Text(), Is.EqualTo("CrashLoopBackOff"));
        Assert.That(status["state"]!["waiting"]!["message"].Text(),
            Is.EqualTo($"back-off 10s restarting failed container=c pod=crash_default({pod["metadata"]!["uid"].Text()})"));
        Assert.That(status["lastState"]!["terminated"]!["exitCode"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(await c.Events("crash"), Does.Contain($"BackOff: Back-off restarting failed container c in pod crash_default({pod["metadata"]!["uid"].Text()})"));
        Assert.That(await c.Events("crash"), Does.Contain("Pulled: Container image \"busybox:1.37\" already present on machine"));

        await c.Run(12);
        Assert.That((await c.Pod("crash"))["status"]!["containerStatuses"]![0]!["restartCount"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(await c.Logs("crash", "previous=true"), Is.EqualTo("starting\n"));
    }

    [Test]
    public async Task PostgresWithoutAPasswordExitsWithItsFamousMessage()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"db"},"spec":{"restartPolicy":"Never","containers":[{"name":"postgres","image":"postgres:17"}]}}""");
        await c.Run(5);
        var pod = await c.Pod("db");
        Assert.That(pod["status"]!["phase"].Text(), Is.EqualTo("Failed"));
        Assert.That(pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["reason"].Text(), Is.EqualTo("Error"));
        Assert.That(await c.Logs("db"), Does.StartWith("Error: Database is uninitialized and superuser password is not specified.\n"));
    }

    [Test]
    public async Task TheSameLessonGivesTheSameBytes()
    {
        static async Task<string> Run()
        {
            using var c = new ClusterClient(seed: 7);
            await c.CreatePod(Living.Nginx);
            await c.Run(3);
            await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/pods/nginx");
            await c.Run(0.5);
            var events = (await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/events")).Body;
            var pods = (await c.Send(HttpMethod.Get, "/api/v1/pods")).Body;
            return events + pods;
        }
        var first = await Run();
        var second = await Run();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task InitContainersRunToCompletionBeforeTheAppContainers()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"init"},"spec":{"initContainers":[{"name":"setup","image":"busybox","command":["sh","-c","echo preparing; sleep 2"]}],"containers":[{"name":"app","image":"nginx"}]}}""");
        await c.Run(1);
        var initializing = await c.Pod("init");
        Assert.That(initializing.Condition("Initialized")!["message"].Text(), Is.EqualTo("containers with incomplete status: [setup]"));
        Assert.That(initializing["status"]!["containerStatuses"]![0]!["state"]!["waiting"]!["reason"].Text(), Is.EqualTo("PodInitializing"));
        await c.Run(5);
        var running = await c.Pod("init");
        Assert.That(running["status"]!["phase"].Text(), Is.EqualTo("Running"));
        Assert.That(running["status"]!["initContainerStatuses"]![0]!["state"]!["terminated"]!["reason"].Text(), Is.EqualTo("Completed"));
        Assert.That(await c.Logs("init", "container=setup"), Is.EqualTo("preparing\n"));
    }
}
