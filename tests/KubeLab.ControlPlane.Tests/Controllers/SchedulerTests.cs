using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class SchedulerTests
{
    [Test]
    public async Task APodIsBoundToTheWorkerThroughTheBindingSubresource()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        await c.Settle();

        var pod = await c.Pod("nginx");
        Assert.That(pod["spec"]!["nodeName"].Text(), Is.EqualTo("worker-1"), "the control plane is tainted NoSchedule");
        Assert.That(pod.Condition("PodScheduled")!.ToJsonString(),
            Is.EqualTo("""{"type":"PodScheduled","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:00Z"}"""));
        Assert.That((await c.Events("nginx"))[0], Is.EqualTo("Scheduled: Successfully assigned default/nginx to worker-1"));

        var events = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/events");
        var scheduled = events["items"]!.AsArray().First(e => e!["reason"].Text() == "Scheduled")!;
        Assert.That(scheduled["reportingComponent"].Text(), Is.EqualTo("default-scheduler"));
        Assert.That(scheduled["action"].Text(), Is.EqualTo("Binding"));
        Assert.That(scheduled["eventTime"].Text(), Is.EqualTo("2025-01-01T00:00:00.000000Z"));
        Assert.That(scheduled["source"]!.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task ABindingAnswersWithACreatedSuccessStatusAndRefusesASecondNode()
    {
        using var c = new ClusterClient();
        await c.CreatePod(Living.Nginx);
        const string binding = """{"kind":"Binding","apiVersion":"v1","metadata":{"name":"nginx"},"target":{"kind":"Node","name":"worker-1"}}""";
        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods/nginx/binding", binding);
        Assert.That((status, body), Is.EqualTo((201, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}""" + "\n")));

        (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/pods/nginx/binding", binding.Replace("worker-1", "control-plane"));
        Assert.That(status, Is.EqualTo(409));
        Assert.That(JsonNode.Parse(body)!["message"].Text(),
            Is.EqualTo("Operation cannot be fulfilled on pods/binding \"nginx\": pod nginx is already assigned to node \"worker-1\""));
    }

    [Test]
    public async Task APodThatFitsNowhereIsUnschedulableWithTheSchedulersReasons()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"picky"},"spec":{"nodeSelector":{"disktype":"ssd"},"containers":[{"name":"c","image":"nginx"}]}}""");
        await c.Settle();

        const string message = "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, " +
            "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
            "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
        var pod = await c.Pod("picky");
        Assert.That(pod["spec"]!["nodeName"], Is.Null);
        Assert.That(pod.Condition("PodScheduled")!["reason"].Text(), Is.EqualTo("Unschedulable"));
        Assert.That(pod.Condition("PodScheduled")!["message"].Text(), Is.EqualTo(message));
        Assert.That(await c.Events("picky"), Is.EqualTo(new[] { "FailedScheduling: " + message }));
    }

    [Test]
    public async Task RequestsLargerThanTheNodeAreInsufficient()
    {
        using var c = new ClusterClient();
        await c.CreatePod("""{"metadata":{"name":"big"},"spec":{"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"8"}}}]}}""");
        await c.Settle();
        Assert.That((await c.Pod("big")).Condition("PodScheduled")!["message"].Text(), Is.EqualTo(
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
            "preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."));
    }

    [Test]
    public async Task PodsSpreadOverWorkersWithTheFewestPods()
    {
        using var c = new ClusterClient(nodeCount: 3);
        foreach (var name in new[] { "a", "b", "c" })
            await c.CreatePod(Living.Nginx.Replace("\"nginx\",\"labels\"", $"\"{name}\",\"labels\""));
        await c.Settle();
        var nodes = new List<string>();
        foreach (var name in new[] { "a", "b", "c" }) nodes.Add((await c.Pod(name))["spec"]!["nodeName"].Text());
        Assert.That(nodes, Is.EqualTo(new[] { "worker-1", "worker-2", "worker-1" }));
    }
}
