using KubeLab.ControlPlane.Pipeline;
using static KubeLab.ControlPlane.Tests.Authorization.RbacTesting;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>A user may grant through Roles and bindings only what they already hold, unless they may escalate or bind.</summary>
public class EscalationTests
{
    [Test]
    public async Task ANamespaceAdminMayGrantWhatTheyHoldAndNoMore()
    {
        using var c = new ClusterClient();
        await c.RoleBinding("default", "jane-admin", "ClusterRole", "admin", User("jane"));
        var jane = c.As("jane");

        var (ok, okBody, okResponse) = await ClusterClient.Send(jane, HttpMethod.Post, $"{Rbac}/namespaces/default/roles",
            """{"metadata":{"name":"secret-reader"},"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get","list"]}]}""");
        Assert.That(ok, Is.EqualTo(201), okBody);
        Assert.That(c.TraceOf(okResponse).Trace.Entries.Single(e => e.Stage == TraceStage.Admission && e.Component == "RBAC escalation check").Detail,
            Is.EqualTo("jane already holds every rule of Role \"secret-reader\""));

        var (status, body, _) = await ClusterClient.Send(jane, HttpMethod.Post, $"{Rbac}/namespaces/default/roles",
            """{"metadata":{"name":"node-reader"},"rules":[{"apiGroups":[""],"resources":["nodes","pods"],"verbs":["list","delete"]}]}""");
        Assert.That((status, body), Is.EqualTo((403, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"roles.rbac.authorization.k8s.io \"node-reader\" is forbidden: user \"jane\" (groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"nodes\"], Verbs:[\"list\" \"delete\"]}","reason":"Forbidden","details":{"name":"node-reader","group":"rbac.authorization.k8s.io","kind":"roles"},"code":403}""" + "\n")));
        Assert.That(c.Cluster.Store.Get("roles", "default/node-reader"), Is.Null);
    }

    [Test]
    public async Task BindingARoleNeedsItsRulesOrTheBindVerb()
    {
        using var c = new ClusterClient();
        await c.RoleBinding("default", "jane-admin", "ClusterRole", "admin", User("jane"));
        var jane = c.As("jane");
        Assert.That(await jane.StatusOf(HttpMethod.Post, $"{Rbac}/namespaces/default/rolebindings",
            """{"metadata":{"name":"bob-view"},"roleRef":{"kind":"ClusterRole","name":"view"},"subjects":[{"kind":"User","name":"bob"}]}"""), Is.EqualTo(201));

        var (status, body, _) = await ClusterClient.Send(jane, HttpMethod.Post, $"{Rbac}/namespaces/default/rolebindings",
            """{"metadata":{"name":"bob-root"},"roleRef":{"kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"User","name":"bob"}]}""");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.Contain("""
            "message":"rolebindings.rbac.authorization.k8s.io \"bob-root\" is forbidden: user \"jane\" (groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}\n{NonResourceURLs:[\"*\"], Verbs:[\"*\"]}"
            """));

        await c.ClusterRole("binder", """[{"apiGroups":["rbac.authorization.k8s.io"],"resources":["clusterroles"],"verbs":["bind"],"resourceNames":["cluster-admin"]}]""");
        await c.RoleBinding("default", "jane-binder", "ClusterRole", "binder", User("jane"));
        Assert.That(await jane.StatusOf(HttpMethod.Post, $"{Rbac}/namespaces/default/rolebindings",
            """{"metadata":{"name":"bob-root"},"roleRef":{"kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"User","name":"bob"}]}"""), Is.EqualTo(201));
    }
}
