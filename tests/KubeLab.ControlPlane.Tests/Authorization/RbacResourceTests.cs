using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Tests.Protobuf;
using static KubeLab.ControlPlane.Tests.Authorization.RbacTesting;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>Roles and bindings through the generic registry: kubectl's protobuf bodies, defaults, validation, tables.</summary>
public class RbacResourceTests
{
    private const string Protobuf = "application/vnd.kubernetes.protobuf";
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    [Test]
    public async Task KubectlCreateRoleAndRoleBindingBodiesDecodeAndDefault()
    {
        using var c = new ClusterClient();
        var (roleStatus, role, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, $"{Rbac}/namespaces/default/roles?fieldManager=kubectl-create&fieldValidation=Strict",
            contentType: Protobuf, bytes: CapturedBodies.Bytes(CapturedBodies.CreateRole));
        Assert.That(roleStatus, Is.EqualTo(201), role);
        Assert.That(JsonNode.Parse(role)!["rules"]!.ToJsonString(), Is.EqualTo("""[{"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]}]"""));

        var (bindingStatus, binding, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, $"{Rbac}/namespaces/default/rolebindings?fieldManager=kubectl-create&fieldValidation=Strict",
            contentType: Protobuf, bytes: CapturedBodies.Bytes(CapturedBodies.CreateRoleBinding));
        Assert.That(bindingStatus, Is.EqualTo(201), binding);
        var json = JsonNode.Parse(binding)!;
        Assert.That(json["subjects"]!.ToJsonString(), Is.EqualTo("""[{"kind":"ServiceAccount","name":"bot","namespace":"default"}]"""));
        Assert.That(json["roleRef"]!.ToJsonString(), Is.EqualTo("""{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"pod-reader"}"""));

        var (crbStatus, crb, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, $"{Rbac}/clusterrolebindings", contentType: Protobuf,
            bytes: CapturedBodies.Bytes(CapturedBodies.CreateClusterRoleBinding));
        Assert.That(crbStatus, Is.EqualTo(201), crb);
        Assert.That(JsonNode.Parse(crb)!["subjects"]!.ToJsonString(), Is.EqualTo("""[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"alice"}]"""));
        var (crStatus, cr, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, $"{Rbac}/clusterroles", contentType: Protobuf,
            bytes: CapturedBodies.Bytes(CapturedBodies.CreateClusterRole));
        Assert.That(crStatus, Is.EqualTo(201), cr);
    }

    [Test]
    public async Task BindingsDefaultSubjectGroupsAndTheirRoleRefCannotChange()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, $"{Rbac}/namespaces/default/rolebindings",
            """{"metadata":{"name":"rb"},"roleRef":{"kind":"ClusterRole","name":"view"},"subjects":[{"kind":"Group","name":"dev"}]}""", expect: 201);
        Assert.That(created["roleRef"]!.ToJsonString(), Is.EqualTo("""{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}"""));
        Assert.That(created["subjects"]!.ToJsonString(), Is.EqualTo("""[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"dev"}]"""));

        created["roleRef"]!["name"] = "edit";
        var (status, body, _) = await c.Send(HttpMethod.Put, $"{Rbac}/namespaces/default/rolebindings/rb", created.ToJsonString());
        Assert.That(status, Is.EqualTo(422));
        Assert.That(body, Does.Contain("""
            "message":"RoleBinding.rbac.authorization.k8s.io \"rb\" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\", Name:\"edit\"}: cannot change roleRef"
            """));
    }

    [Test]
    public async Task RulesAreValidatedAsTheRealServerDoes()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await c.Send(HttpMethod.Post, $"{Rbac}/namespaces/default/roles",
            """{"metadata":{"name":"bad"},"rules":[{"verbs":["get"],"nonResourceURLs":["/healthz"]},{"verbs":[],"apiGroups":[""],"resources":["pods"]}]}""");
        Assert.That(status, Is.EqualTo(422));
        Assert.That(JsonNode.Parse(body)!["message"]!.GetValue<string>(), Is.EqualTo(
            "Role.rbac.authorization.k8s.io \"bad\" is invalid: [rules[0].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced rules cannot apply to non-resource URLs, rules[1].verbs: Required value: verbs must contain at least one value]"));
    }

    [Test]
    public async Task BindingTablesShowTheRoleAndWideSubjectColumns()
    {
        using var c = new ClusterClient();
        await c.RoleBinding("default", "mixed", "ClusterRole", "edit",
            """[{"kind":"User","name":"jane"},{"kind":"Group","name":"dev"},{"kind":"ServiceAccount","name":"bot","namespace":"ci"},{"kind":"User","name":"bob"}]""");
        var (_, body, _) = await c.Send(HttpMethod.Get, $"{Rbac}/namespaces/default/rolebindings", accept: TableAccept);
        var table = JsonNode.Parse(body)!;
        Assert.That(table["columnDefinitions"]!.AsArray().Select(d => $"{d!["name"]}:{d["priority"]}"),
            Is.EqualTo(new[] { "Name:0", "Role:0", "Age:0", "Users:1", "Groups:1", "ServiceAccounts:1" }));
        Assert.That(table["rows"]![0]!["cells"]!.ToJsonString(), Is.EqualTo("""["mixed","ClusterRole/edit","0s","jane, bob","dev","ci/bot"]"""));

        var (_, roles, _) = await c.Send(HttpMethod.Get, $"{Rbac}/clusterroles/view", accept: TableAccept);
        var roleTable = JsonNode.Parse(roles)!;
        Assert.That(roleTable["columnDefinitions"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Name", "Created At" }));
        Assert.That(roleTable["rows"]![0]!["cells"]!.ToJsonString(), Is.EqualTo("""["view","2025-01-01T00:00:00Z"]"""));
    }

    [Test]
    public async Task TheBootstrapPolicyIsThereFromTheStart()
    {
        using var c = new ClusterClient();
        var roles = (await c.Json(HttpMethod.Get, $"{Rbac}/clusterroles"))["items"]!.AsArray().Select(r => r!["metadata"]!["name"]!.GetValue<string>());
        Assert.That(roles, Is.SupersetOf(new[] { "admin", "cluster-admin", "edit", "system:basic-user", "system:discovery", "system:public-info-viewer", "view", "system:controller:namespace-controller" }));
        var bindings = (await c.Json(HttpMethod.Get, $"{Rbac}/clusterrolebindings"))["items"]!.AsArray();
        var masters = bindings.Single(b => b!["metadata"]!["name"]!.GetValue<string>() == "cluster-admin")!;
        Assert.That(masters["subjects"]!.ToJsonString(), Is.EqualTo("""[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"system:masters"}]"""));
        Assert.That(masters["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"kubernetes.io/bootstrapping":"rbac-defaults"}"""));
        Assert.That(masters["metadata"]!["annotations"]!.ToJsonString(), Is.EqualTo("""{"rbac.authorization.kubernetes.io/autoupdate":"true"}"""));
    }
}
