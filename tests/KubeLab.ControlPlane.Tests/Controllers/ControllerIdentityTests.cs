namespace KubeLab.ControlPlane.Tests.Controllers;

/// <summary>Controllers act as their own users, and RBAC (or the Node authorizer) lets each do its job.</summary>
public class ControllerIdentityTests
{
    [Test]
    public async Task EveryWriteOfADeploymentsLifeIsMadeByTheComponentThatOwnsItAndAllowed()
    {
        using var c = new ClusterClient();
        var failures = new List<string>();
        c.Cluster.Controllers.ReconcileFailed += (controller, key, error) => failures.Add($"{controller} {key}: {error.Message}");
        await c.Json(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments",
            """{"metadata":{"name":"web"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}""", expect: 201);
        await c.Run(3);
        await c.Json(HttpMethod.Delete, "/apis/apps/v1/namespaces/default/deployments/web", """{"propagationPolicy":"Foreground"}""");
        await c.Run(3);

        Assert.That(failures, Is.Empty);
        var writes = c.Cluster.Api.Exchanges.Snapshot().Where(e => e.Method != "GET" && e.User.Name != "kubernetes-admin").ToList();
        Assert.That(writes.Where(e => e.StatusCode >= 400).Select(e => $"{e.User.Name} {e.Method} {e.Target} {e.StatusCode}"), Is.Empty);
        string UserOf(string method, string pathEnd) => writes.First(e => e.Method == method && e.Path.EndsWith(pathEnd)).User.Name;
        Assert.That(UserOf("POST", "/replicasets"), Is.EqualTo("system:serviceaccount:kube-system:deployment-controller"));
        Assert.That(UserOf("POST", "/pods"), Is.EqualTo("system:serviceaccount:kube-system:replicaset-controller"));
        Assert.That(UserOf("POST", "/binding"), Is.EqualTo("system:kube-scheduler"));
        Assert.That(writes.Any(e => e.User.Name == "system:node:worker-1" && e.Method == "PUT" && e.Path.EndsWith("/status")), Is.True);
        Assert.That(UserOf("PATCH", "/deployments/web"), Is.EqualTo("system:serviceaccount:kube-system:generic-garbage-collector"));
        Assert.That(c.Cluster.Controllers.Identities.Select(i => (i.User.Name, i.ClusterRole)), Is.SupersetOf(new[]
        {
            ("system:kube-scheduler", "system:kube-scheduler"),
            ("system:node:worker-1", "system:node"),
            ("system:serviceaccount:kube-system:generic-garbage-collector", "system:controller:generic-garbage-collector"),
        }));
    }
}
