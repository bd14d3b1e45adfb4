using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Tests.Protobuf;
using static KubeLab.ControlPlane.Tests.Authorization.RbacTesting;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>SelfSubjectAccessReview, SelfSubjectRulesReview, SubjectAccessReview: answered, never stored.</summary>
public class ReviewTests
{
    private const string Ssar = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    [Test]
    public async Task KubectlAuthCanIProtobufIsAnsweredWithTheRbacReason()
    {
        using var c = new ClusterClient();
        c.Cluster.Authentication.AddTokenUser("admin-token", "kubernetes-admin", "kubeadm:cluster-admins");
        var (status, body, response) = await ClusterClient.Send(c.NewClient("admin-token"), HttpMethod.Post, Ssar,
            contentType: "application/vnd.kubernetes.protobuf", bytes: CapturedBodies.Bytes(CapturedBodies.AuthCanI));
        Assert.That(status, Is.EqualTo(201));
        Assert.That(body, Is.EqualTo("""{"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{"creationTimestamp":null},"spec":{"resourceAttributes":{"namespace":"default","verb":"list","resource":"pods"}},"status":{"allowed":true,"reason":"RBAC: allowed by ClusterRoleBinding \"kubeadm:cluster-admins\" of ClusterRole \"cluster-admin\" to Group \"kubeadm:cluster-admins\""}}""" + "\n"));
        Assert.That(c.TraceOf(response).Trace.Entries.Last(), Is.EqualTo(new TraceEntry(TraceStage.Authorization, "access review", "yes",
            "asked whether kubernetes-admin [kubeadm:cluster-admins, system:authenticated] may list pods in namespace \"default\": yes (RBAC: allowed by ClusterRoleBinding \"kubeadm:cluster-admins\" of ClusterRole \"cluster-admin\" to Group \"kubeadm:cluster-admins\")")));
        Assert.That(c.Cluster.Store.Count("selfsubjectaccessreviews"), Is.Zero);
    }

    [Test]
    public async Task ADeniedReviewHasNoReasonAndNonResourcePathsCanBeAsked()
    {
        using var c = new ClusterClient();
        var jane = c.As("jane");
        var (_, denied, _) = await ClusterClient.Send(jane, HttpMethod.Post, Ssar,
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"namespace":"default","verb":"delete","resource":"pods","name":"x"}}}""");
        Assert.That(JsonNode.Parse(denied)!["status"]!.ToJsonString(KubeLab.ControlPlane.Serialization.KubeJson.Options), Is.EqualTo("""{"allowed":false}"""));

        var (_, healthz, _) = await ClusterClient.Send(jane, HttpMethod.Post, Ssar,
            """{"spec":{"nonResourceAttributes":{"path":"/healthz","verb":"get"}}}""");
        Assert.That(JsonNode.Parse(healthz)!["status"]!.ToJsonString(KubeLab.ControlPlane.Serialization.KubeJson.Options), Is.EqualTo("""{"allowed":true,"reason":"RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole \"system:discovery\" to Group \"system:authenticated\""}"""));

        var (invalid, invalidBody, _) = await ClusterClient.Send(jane, HttpMethod.Post, Ssar, """{"spec":{}}""");
        Assert.That(invalid, Is.EqualTo(422), invalidBody);
    }

    [Test]
    public async Task RulesReviewListsWhatTheBindingsGrantInTheNamespace()
    {
        using var c = new ClusterClient();
        await c.Role("default", "cm-editor", """[{"apiGroups":[""],"resources":["configmaps"],"resourceNames":["settings"],"verbs":["get","update"]}]""");
        await c.RoleBinding("default", "jane-cm", "Role", "cm-editor", User("jane"));
        var (status, body, _) = await ClusterClient.Send(c.As("jane"), HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{"namespace":"default"}}""");
        Assert.That(status, Is.EqualTo(201), body);
        var review = JsonNode.Parse(body)!;
        Assert.That(review["status"]!["resourceRules"]!.AsArray().Select(r => r!.ToJsonString()), Is.EqualTo(new[]
        {
            """{"verbs":["create"],"apiGroups":["authorization.k8s.io"],"resources":["selfsubjectaccessreviews","selfsubjectrulesreviews"]}""",
            """{"verbs":["create"],"apiGroups":["authentication.k8s.io"],"resources":["selfsubjectreviews"]}""",
            """{"verbs":["get","update"],"apiGroups":[""],"resources":["configmaps"],"resourceNames":["settings"]}""",
        }));
        Assert.That(review["status"]!["nonResourceRules"]![0]!.ToJsonString(),
            Is.EqualTo("""{"verbs":["get"],"nonResourceURLs":["/api","/api/*","/apis","/apis/*","/healthz","/livez","/openapi","/openapi/*","/readyz","/version","/version/"]}"""));
        Assert.That(review["status"]!["incomplete"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task SubjectAccessReviewAsksAboutSomeoneElse()
    {
        using var c = new ClusterClient();
        await c.RoleBinding("default", "devs-view", "ClusterRole", "view", """[{"kind":"Group","name":"dev"}]""");
        var (status, body, _) = await c.Send(HttpMethod.Post, "/apis/authorization.k8s.io/v1/subjectaccessreviews",
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{"user":"jane","groups":["dev"],"resourceAttributes":{"namespace":"default","verb":"watch","group":"apps","resource":"deployments"}}}""");
        Assert.That(status, Is.EqualTo(201), body);
        Assert.That(JsonNode.Parse(body)!["status"]!.ToJsonString(KubeLab.ControlPlane.Serialization.KubeJson.Options), Is.EqualTo("""{"allowed":true,"reason":"RBAC: allowed by RoleBinding \"devs-view/default\" of ClusterRole \"view\" to Group \"dev\""}"""));

        var (forbidden, forbiddenBody, _) = await ClusterClient.Send(c.As("jane"), HttpMethod.Post, "/apis/authorization.k8s.io/v1/subjectaccessreviews", "{}");
        Assert.That((forbidden, forbiddenBody), Is.EqualTo((403, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"subjectaccessreviews.authorization.k8s.io is forbidden: User \"jane\" cannot create resource \"subjectaccessreviews\" in API group \"authorization.k8s.io\" at the cluster scope","reason":"Forbidden","details":{"group":"authorization.k8s.io","kind":"subjectaccessreviews"},"code":403}""" + "\n")));
    }

    [Test]
    public async Task LocalSubjectAccessReviewIsBoundToItsNamespace()
    {
        using var c = new ClusterClient();
        await c.RoleBinding("default", "jane-view", "ClusterRole", "view", User("jane"));
        var (status, body, _) = await c.Send(HttpMethod.Post, "/apis/authorization.k8s.io/v1/namespaces/default/localsubjectaccessreviews",
            """{"spec":{"user":"jane","resourceAttributes":{"verb":"list","resource":"pods"}}}""");
        Assert.That(status, Is.EqualTo(201), body);
        var review = JsonNode.Parse(body)!;
        Assert.That(review["metadata"]!["namespace"]!.GetValue<string>(), Is.EqualTo("default"));
        Assert.That(review["status"]!["allowed"]!.GetValue<bool>(), Is.True);

        var (mismatch, mismatchBody, _) = await c.Send(HttpMethod.Post, "/apis/authorization.k8s.io/v1/namespaces/default/localsubjectaccessreviews",
            """{"spec":{"user":"jane","resourceAttributes":{"namespace":"kube-system","verb":"list","resource":"pods"}}}""");
        Assert.That(mismatch, Is.EqualTo(400), mismatchBody);
    }

    [Test]
    public async Task TokenReviewSaysWhomATokenAuthenticates()
    {
        using var c = new ClusterClient();
        c.Cluster.Authentication.AddTokenUser("jane-token", "jane", "dev");
        var (_, body, _) = await c.Send(HttpMethod.Post, "/apis/authentication.k8s.io/v1/tokenreviews", """{"spec":{"token":"jane-token"}}""");
        Assert.That(JsonNode.Parse(body)!["status"]!.ToJsonString(), Is.EqualTo("""{"authenticated":true,"user":{"username":"jane","groups":["dev","system:authenticated"]},"audiences":["https://kubernetes.default.svc.cluster.local"]}"""));
        var (_, bad, _) = await c.Send(HttpMethod.Post, "/apis/authentication.k8s.io/v1/tokenreviews", """{"spec":{"token":"nope"}}""");
        Assert.That(JsonNode.Parse(bad)!["status"]!.ToJsonString(), Is.EqualTo("""{"user":{},"error":"invalid bearer token: it matches no user"}"""));
    }

    [Test]
    public async Task NonResourceRequestsAreAuthorizedWithTheirHttpMethodAsVerb()
    {
        using var c = new ClusterClient();
        var (status, body, _) = await ClusterClient.Send(c.As("jane"), HttpMethod.Post, "/healthz", "{}");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.Contain("\"message\":\"forbidden: User \\\"jane\\\" cannot post path \\\"/healthz\\\"\""));
    }
}
