using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class ScratchTests
{
    private static async Task Dump(ClusterClient c, string what)
    {
        var pods = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods");
        var rss = await c.Json(HttpMethod.Get, "/apis/apps/v1/namespaces/default/replicasets");
        var d = await c.Send(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web");
        TestContext.Out.WriteLine($"== {what} @ {c.Clock.GetUtcNow():HH:mm:ss.fff}");
        foreach (var p in pods["items"]!.AsArray())
            TestContext.Out.WriteLine($"pod {p!["metadata"]!["name"]} {p["status"]!["phase"]} del={p["metadata"]!["deletionTimestamp"]} ready={p["status"]!["conditions"]?.AsArray().FirstOrDefault(x => x!["type"]!.GetValue<string>() == "Ready")?["status"]}");
        foreach (var r in rss["items"]!.AsArray())
            TestContext.Out.WriteLine($"rs {r!["metadata"]!["name"]} spec={r["spec"]!["replicas"]} status={r["status"]!.ToJsonString()} ann={r["metadata"]!["annotations"]?.ToJsonString()}");
        if (d.Status == 200) TestContext.Out.WriteLine($"deploy {JsonNode.Parse(d.Body)!["status"]!.ToJsonString()} ann={JsonNode.Parse(d.Body)!["metadata"]!["annotations"]?.ToJsonString()}");
    }

    private static async Task Step(ClusterClient c, double seconds)
    {
        await c.Cluster.Controllers.SettleAsync();
        c.Clock.Advance(TimeSpan.FromSeconds(seconds));
        await c.Cluster.Controllers.SettleAsync();
    }

    [Test, Explicit]
    public async Task Deploy()
    {
        using var c = new ClusterClient();
        c.Cluster.Controllers.ReconcileFailed += (n, k, e) => TestContext.Out.WriteLine($"FAILED {n} {k}: {e}");
        await c.Json(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", """{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}""", expect: 201);
        await Step(c, 0);
        await Dump(c, "created");
        await Step(c, 3);
        await Dump(c, "after 3s");
        var d = await c.Json(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web");
        d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.28";
        await c.Json(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/web", d.ToJsonString());
        for (var i = 0; i < 6; i++)
        {
            await Step(c, 1);
            await Dump(c, $"rollout {i}");
        }
        await c.Json(HttpMethod.Delete, "/apis/apps/v1/namespaces/default/deployments/web", """{"propagationPolicy":"Foreground"}""");
        for (var i = 0; i < 3; i++)
        {
            await Step(c, 1);
            await Dump(c, $"delete {i}");
        }
        var ev = await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/events");
        foreach (var e in ev["items"]!.AsArray())
            TestContext.Out.WriteLine($"{e!["involvedObject"]!["kind"]}/{e["involvedObject"]!["name"]} {e["reason"]} {e["message"]} {e["source"]!.ToJsonString()} {e["count"]}");
    }
}
