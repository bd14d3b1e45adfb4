using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Pipeline;
using static KubeLab.ControlPlane.Tests.Authorization.RbacTesting;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>The authorizer chain over real Role/Binding objects: which binding applies where, and what a refusal says.</summary>
public class RbacAuthorizerTests
{
    private const string PodReader = """[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]""";

    private static AuthorizationResult Ask(ClusterClient c, UserInfo user, string verb, string resource, string ns = "", string group = "", string name = "", string subresource = "") =>
        c.Cluster.Authorizer.Authorize(new AuthorizationAttributes(user, verb)
        { IsResourceRequest = true, Resource = resource, Namespace = ns, ApiGroup = group, Name = name, Subresource = subresource });

    private static readonly UserInfo Jane = new("jane", ["dev", "system:authenticated"]);

    [Test]
    public async Task ARoleBindingGrantsItsRoleOnlyInItsNamespace()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"other"}}""", expect: 201);
        await c.Role("default", "pod-reader", PodReader);
        await c.RoleBinding("default", "jane-reads", "Role", "pod-reader", User("jane"));

        var allowed = Ask(c, Jane, "list", "pods", "default");
        Assert.That(allowed, Is.EqualTo(new AuthorizationResult(Decision.Allow,
            "RBAC: allowed by RoleBinding \"jane-reads/default\" of Role \"pod-reader\" to User \"jane\"")));
        Assert.That(Ask(c, Jane, "list", "pods", "other").Decision, Is.EqualTo(Decision.NoOpinion));
        Assert.That(Ask(c, Jane, "list", "pods").Decision, Is.EqualTo(Decision.NoOpinion), "all namespaces is the cluster scope");
        Assert.That(Ask(c, Jane, "delete", "pods", "default", name: "x").Decision, Is.EqualTo(Decision.NoOpinion));
    }

    [Test]
    public async Task ARoleBindingToAClusterRoleGrantsItWithinTheBindingsNamespace()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"team"}}""", expect: 201);
        await c.RoleBinding("team", "devs-view", "ClusterRole", "view", """[{"kind":"Group","name":"dev"}]""");

        Assert.That(Ask(c, Jane, "get", "deployments", "team", "apps", "web").Reason,
            Is.EqualTo("RBAC: allowed by RoleBinding \"devs-view/team\" of ClusterRole \"view\" to Group \"dev\""));
        Assert.That(Ask(c, Jane, "get", "pods", "team", subresource: "log", name: "p").Allowed, Is.True, "view includes pods/log");
        Assert.That(Ask(c, Jane, "get", "secrets", "team", name: "s").Allowed, Is.False, "view excludes secrets");
        Assert.That(Ask(c, Jane, "get", "pods", "default", name: "p").Allowed, Is.False);
        Assert.That(Ask(c, Jane, "list", "namespaces").Allowed, Is.False, "a RoleBinding never reaches the cluster scope");
    }

    [Test]
    public async Task AClusterRoleBindingGrantsEverywhereAndAtClusterScope()
    {
        using var c = new ClusterClient();
        await c.ClusterRole("ns-reader", """[{"apiGroups":[""],"resources":["namespaces","pods"],"verbs":["list"]}]""");
        await c.ClusterRoleBinding("jane-ns", "ns-reader", User("jane"));

        Assert.That(Ask(c, Jane, "list", "namespaces").Reason,
            Is.EqualTo("RBAC: allowed by ClusterRoleBinding \"jane-ns\" of ClusterRole \"ns-reader\" to User \"jane\""));
        Assert.That(Ask(c, Jane, "list", "pods", "kube-system").Allowed, Is.True);
        Assert.That(Ask(c, Jane, "list", "pods").Allowed, Is.True);
    }

    [Test]
    public async Task ServiceAccountSubjectsDefaultToTheBindingsNamespace()
    {
        using var c = new ClusterClient();
        await c.Role("default", "pod-reader", PodReader);
        await c.RoleBinding("default", "bot-reads", "Role", "pod-reader", """[{"kind":"ServiceAccount","name":"bot"}]""");
        var bot = new UserInfo("system:serviceaccount:default:bot", ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"]);
        var otherBot = bot with { Name = "system:serviceaccount:kube-system:bot" };

        Assert.That(Ask(c, bot, "get", "pods", "default", name: "p").Reason,
            Is.EqualTo("RBAC: allowed by RoleBinding \"bot-reads/default\" of Role \"pod-reader\" to ServiceAccount \"bot/default\""));
        Assert.That(Ask(c, otherBot, "get", "pods", "default", name: "p").Allowed, Is.False);
    }

    [Test]
    public async Task SystemMastersNeedNoRuleAndBindingsToMissingRolesExplainTheDenial()
    {
        using var c = new ClusterClient();
        Assert.That(Ask(c, new UserInfo("root", ["system:masters"]), "delete", "nodes", name: "n"), Is.EqualTo(new AuthorizationResult(Decision.Allow, "")));

        await c.RoleBinding("default", "dangling", "Role", "ghost", User("jane"));
        await c.ClusterRoleBinding("dangling", "phantom", User("jane"));
        Assert.That(Ask(c, Jane, "get", "pods", "default", name: "p"), Is.EqualTo(new AuthorizationResult(Decision.NoOpinion,
            "RBAC: [clusterrole.rbac.authorization.k8s.io \"phantom\" not found, role.rbac.authorization.k8s.io \"ghost\" not found]")));
    }

    [Test]
    public async Task AggregationFoldsLabelledRolesIntoViewEditAndAdmin()
    {
        using var c = new ClusterClient();
        var view = await c.Json(HttpMethod.Get, $"{Rbac}/clusterroles/view");
        Assert.That(view["aggregationRule"]!.ToJsonString(), Is.EqualTo("""{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}}]}"""));
        Assert.That(view["rules"]![0]!.ToJsonString(), Is.EqualTo("""{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["configmaps","endpoints","persistentvolumeclaims","persistentvolumeclaims/status","pods","replicationcontrollers","replicationcontrollers/scale","serviceaccounts","services","services/status"]}"""));
        var admin = await c.Json(HttpMethod.Get, $"{Rbac}/clusterroles/admin");
        Assert.That(admin["rules"]!.AsArray().Select(r => r!.ToJsonString()), Does.Contain("""{"verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"apiGroups":["rbac.authorization.k8s.io"],"resources":["rolebindings","roles"]}"""));

        await c.ClusterRole("widget-viewer", """[{"apiGroups":["example.com"],"resources":["widgets"],"verbs":["get"]}]""",
            """{"rbac.authorization.k8s.io/aggregate-to-view":"true"}""");
        await c.RoleBinding("default", "jane-admin", "ClusterRole", "admin", User("jane"));
        Assert.That(Ask(c, Jane, "get", "widgets", "default", "example.com", "w").Allowed, Is.False, "the controller has not run yet");

        await c.Cluster.Controllers.SettleAsync();
        foreach (var role in new[] { "view", "edit", "admin" })
        {
            var rules = (await c.Json(HttpMethod.Get, $"{Rbac}/clusterroles/{role}"))["rules"]!.AsArray();
            Assert.That(rules.Select(r => r!.ToJsonString()), Does.Contain("""{"verbs":["get"],"apiGroups":["example.com"],"resources":["widgets"]}"""), role);
        }
        Assert.That(Ask(c, Jane, "get", "widgets", "default", "example.com", "w").Reason,
            Is.EqualTo("RBAC: allowed by RoleBinding \"jane-admin/default\" of ClusterRole \"admin\" to User \"jane\""));
    }
}
