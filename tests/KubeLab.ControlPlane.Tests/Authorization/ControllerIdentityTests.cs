using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>Controllers act as their own service accounts, with the least privilege their bootstrap roles give.</summary>
public class ControllerIdentityTests
{
    private const string NamespaceController = "system:serviceaccount:kube-system:namespace-controller";

    [Test]
    public async Task TheNamespaceControllerIsAllowedByItsOwnBinding()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"doomed"}}""", expect: 201);
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/doomed");
        c.Clock.Advance(TimeSpan.FromSeconds(5));
        await c.Cluster.Controllers.SettleAsync();

        var finalize = c.Traces.Single(t => t.User.Name == NamespaceController && t.Method == "PUT" && t.Path == "/api/v1/namespaces/doomed/finalize");
        Assert.That(finalize.StatusCode, Is.EqualTo(200));
        Assert.That(finalize.Trace.Entries[1].Detail, Does.StartWith("service account token accepted"));
        Assert.That(finalize.Trace.Entries.Single(e => e.Component == "RBAC").Detail, Does.EndWith(
            "RBAC: allowed by ClusterRoleBinding \"system:controller:namespace-controller\" of ClusterRole \"system:controller:namespace-controller\" to ServiceAccount \"namespace-controller/kube-system\""));
        Assert.That(c.Traces.Where(t => t.User.Name == NamespaceController).Select(t => t.StatusCode), Has.None.EqualTo(403));
    }

    [Test]
    public void ControllerRolesGrantOnlyWhatTheControllerNeeds()
    {
        using var c = new ClusterClient();
        var controller = new UserInfo(NamespaceController, ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]);
        AuthorizationResult Ask(string verb, string resource, string subresource = "") => c.Cluster.Authorizer.Authorize(
            new AuthorizationAttributes(controller, verb) { IsResourceRequest = true, Resource = resource, Subresource = subresource, Namespace = "x", Name = "n" });
        Assert.That(Ask("deletecollection", "configmaps").Allowed, Is.True);
        Assert.That(Ask("create", "pods").Allowed, Is.False);
        Assert.That(Ask("update", "pods", "status").Allowed, Is.False);
    }
}
