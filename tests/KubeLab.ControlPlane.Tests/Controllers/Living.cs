using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Controllers;

/// <summary>Helpers for tests of the living cluster: let controllers settle, move the simulated clock, read what they wrote.</summary>
public static class Living
{
    /// <summary>Settles, then moves time in steps (settling after each), as a lesson run between steps does.</summary>
    public static async Task Run(this ClusterClient c, TimeSpan total, TimeSpan? step = null)
    {
        await c.Cluster.Controllers.SettleAsync();
        var each = step ?? TimeSpan.FromMilliseconds(100);
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += each)
        {
            c.Clock.Advance(each);
            await c.Cluster.Controllers.SettleAsync();
        }
    }

    public static Task Run(this ClusterClient c, double seconds) => c.Run(TimeSpan.FromSeconds(seconds));

    public static Task Settle(this ClusterClient c) => c.Cluster.Controllers.SettleAsync();

    public static async Task<JsonObject> Pod(this ClusterClient c, string name, string ns = "default") =>
        await c.Json(HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/{name}");

    public static async Task<JsonObject> CreatePod(this ClusterClient c, string json, string ns = "default") =>
        await c.Json(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", json, expect: 201);

    /// <summary>The events about one object, oldest first, as "Reason: message".</summary>
    public static async Task<List<string>> Events(this ClusterClient c, string name, string ns = "default")
    {
        var list = await c.Json(HttpMethod.Get, $"/api/v1/namespaces/{ns}/events?fieldSelector=involvedObject.name%3D{name}");
        return list["items"]!.AsArray().Select(e => $"{e!["reason"]}: {e["message"]}").ToList();
    }

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? "<null>";

    public static JsonNode? Condition(this JsonObject pod, string type) =>
        pod["status"]!["conditions"]?.AsArray().FirstOrDefault(c => c!["type"].Text() == type);

    public static async Task<string> Logs(this ClusterClient c, string pod, string query = "", int expect = 200)
    {
        var (status, body, _) = await c.Send(HttpMethod.Get, $"/api/v1/namespaces/default/pods/{pod}/log{(query.Length > 0 ? "?" + query : "")}");
        Assert.That(status, Is.EqualTo(expect), body);
        return body;
    }

    public const string Nginx = """{"metadata":{"name":"nginx","labels":{"run":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}""";
}
