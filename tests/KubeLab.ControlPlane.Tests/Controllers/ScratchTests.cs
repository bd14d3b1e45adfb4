using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class ScratchTests
{
    [Test, Explicit]
    public async Task Dump()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/pods", """{"metadata":{"name":"nginx","labels":{"run":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}""", expect: 201);
        await c.Cluster.Controllers.SettleAsync();
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/nginx")).Body);
        for (var i = 0; i < 4; i++)
        {
            c.Clock.Advance(TimeSpan.FromSeconds(1));
            await c.Cluster.Controllers.SettleAsync();
        }
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/nginx")).Body);
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/events")).Body);
        c.Clock.Advance(TimeSpan.FromSeconds(100));
        await c.Cluster.Controllers.SettleAsync();
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/nginx/log?timestamps=true")).Body);
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Delete, "/api/v1/namespaces/default/pods/nginx")).Body);
        await c.Cluster.Controllers.SettleAsync();
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/nginx")).Body);
        c.Clock.Advance(TimeSpan.FromSeconds(1));
        await c.Cluster.Controllers.SettleAsync();
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/pods/nginx")).Body);
        TestContext.Out.WriteLine((await c.Send(HttpMethod.Get, "/api/v1/namespaces/default/events")).Body);
    }
}
