using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Http;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Tests.Protobuf;
using static KubeLab.ControlPlane.Tests.Authorization.RbacTesting;

namespace KubeLab.ControlPlane.Tests.Authentication;

/// <summary>
/// <c>kubectl create serviceaccount</c> + <c>create token</c>: a token that is refused, then allowed once a
/// RoleBinding grants <c>view</c>; it expires by the cluster clock and dies with its account.
/// </summary>
public class ServiceAccountTokenTests
{
    private const string Forbidden = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:serviceaccount:default:robot\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}""" + "\n";

    private static async Task<string> CreateToken(ClusterClient c, string account = "robot", string body = """{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}""")
    {
        var token = await c.Json(HttpMethod.Post, $"/api/v1/namespaces/default/serviceaccounts/{account}/token", body, expect: 201);
        return token["status"]!["token"]!.GetValue<string>();
    }

    [Test]
    public async Task ATokenIsRs256AndTheSameInTwinClusters()
    {
        // kubeadm signs with an RSA key; one built-in key makes a lesson's tokens, and its transcript, repeatable.
        var tokens = new List<string>();
        foreach (var _ in new[] { 1, 2 })
        {
            using var c = new ClusterClient();
            await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts", """{"metadata":{"name":"robot"}}""", expect: 201);
            tokens.Add(await CreateToken(c));
        }
        var header = JsonNode.Parse(Convert.FromBase64String(tokens[0].Split('.')[0].PadRight((tokens[0].Split('.')[0].Length + 3) / 4 * 4, '=')))!;
        Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo("RS256"));
        Assert.That(tokens[1], Is.EqualTo(tokens[0]));
    }

    [Test]
    public async Task ATokenIsRefusedUntilARoleBindingGrantsView()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts", """{"metadata":{"name":"robot"}}""", expect: 201);
        var robot = c.NewClient(await CreateToken(c));

        var (status, body, refused) = await ClusterClient.Send(robot, HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500");
        Assert.That((status, body), Is.EqualTo((403, Forbidden)));
        var refusedTrace = c.TraceOf(refused);
        Assert.That(refusedTrace.User.Name, Is.EqualTo("system:serviceaccount:default:robot"));
        Assert.That(refusedTrace.Trace.Entries.Select(e => (e.Stage, e.Component, e.Decision)), Is.EqualTo(new[]
        {
            (TraceStage.Authentication, "x509 client certificate", "not applicable"),
            (TraceStage.Authentication, "bearer token", "authenticated"),
            (TraceStage.Authorization, "privileged-groups", "no opinion"),
            (TraceStage.Authorization, "Node", "no opinion"),
            (TraceStage.Authorization, "RBAC", "no opinion"),
            (TraceStage.Authorization, "union", "denied"),
        }));
        Assert.That(refusedTrace.Trace.Entries[1].Detail, Does.StartWith("service account token accepted (expires 2025-01-01T01:00:00Z): user \"system:serviceaccount:default:robot\", groups [system:serviceaccounts, system:serviceaccounts:default, system:authenticated]"));
        Assert.That(refusedTrace.Trace.Entries[4].Detail, Is.EqualTo("RBAC has no rule that lets user \"system:serviceaccount:default:robot\" with groups [system:serviceaccounts, system:serviceaccounts:default, system:authenticated] list pods in namespace \"default\""));

        await c.RoleBinding("default", "robot-view", "ClusterRole", "view", """[{"kind":"ServiceAccount","name":"robot","namespace":"default"}]""");
        var (allowedStatus, list, allowed) = await ClusterClient.Send(robot, HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500");
        Assert.That(allowedStatus, Is.EqualTo(200), list);
        var allowedTrace = c.TraceOf(allowed).Trace.Entries;
        Assert.That(allowedTrace.Select(e => (e.Stage, e.Component, e.Decision)), Is.EqualTo(new[]
        {
            (TraceStage.Authentication, "x509 client certificate", "not applicable"),
            (TraceStage.Authentication, "bearer token", "authenticated"),
            (TraceStage.Authorization, "privileged-groups", "no opinion"),
            (TraceStage.Authorization, "Node", "no opinion"),
            (TraceStage.Authorization, "RBAC", "allowed"),
            (TraceStage.Storage, "etcd", "range"),
        }));
        Assert.That(allowedTrace[4].Detail, Does.EndWith(": RBAC: allowed by RoleBinding \"robot-view/default\" of ClusterRole \"view\" to ServiceAccount \"robot/default\""));
        Assert.That(allowedTrace[5].EtcdKey, Is.EqualTo("/registry/pods/default/"));
    }

    [Test]
    public async Task TheTokenRequestComesBackWithTheTokenAndItsExpiry()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts", """{"metadata":{"name":"robot"}}""", expect: 201);
        var (status, body, response) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts/robot/token",
            """{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"expirationSeconds":600}}""");
        Assert.That(status, Is.EqualTo(201), body);
        var json = JsonNode.Parse(body)!;
        var token = json["status"]!["token"]!.GetValue<string>();
        json["status"]!["token"] = "TOKEN";
        Assert.That(json.ToJsonString(), Is.EqualTo("""{"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","metadata":{"name":"robot","namespace":"default","creationTimestamp":null},"spec":{"audiences":["https://kubernetes.default.svc.cluster.local"],"expirationSeconds":600,"boundObjectRef":null},"status":{"token":"TOKEN","expirationTimestamp":"2025-01-01T00:10:00Z"}}"""));
        Assert.That(token.Split('.'), Has.Length.EqualTo(3), "a JWT: header.claims.signature");
        var claims = JsonNode.Parse(Convert.FromBase64String(Pad(token.Split('.')[1])))!;
        Assert.That(claims["sub"]!.GetValue<string>(), Is.EqualTo("system:serviceaccount:default:robot"));
        Assert.That(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), Is.EqualTo(600));
        Assert.That(c.TraceOf(response).Trace.Entries.Select(e => e.Component), Does.Contain("token request"));
    }

    [Test]
    public async Task KubectlCreateTokenProtobufBodyIsDecoded()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts", """{"metadata":{"name":"bot"}}""", expect: 201);
        var (status, body, _) = await ClusterClient.Send(c.Http, HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts/bot/token",
            contentType: "application/vnd.kubernetes.protobuf", bytes: CapturedBodies.Bytes(CapturedBodies.CreateToken));
        Assert.That(status, Is.EqualTo(201), body);
        Assert.That(body, Does.Contain("\"expirationSeconds\":3600"));
    }

    [Test]
    public async Task ATokenExpiresByTheClusterClockAndDiesWithItsAccount()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts", """{"metadata":{"name":"robot"}}""", expect: 201);
        var robot = c.NewClient(await CreateToken(c, body: """{"spec":{"expirationSeconds":600}}"""));
        const string whoami = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
        const string review = """{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""";
        Assert.That(await robot.StatusOf(HttpMethod.Post, whoami, review), Is.EqualTo(201));

        c.Clock.Advance(TimeSpan.FromSeconds(600));
        var (status, _, expired) = await ClusterClient.Send(robot, HttpMethod.Post, whoami, review);
        Assert.That(status, Is.EqualTo(401));
        Assert.That(c.TraceOf(expired).Trace.Entries[1].Detail, Is.EqualTo("invalid bearer token: service account token: service account token has expired (at 2025-01-01T00:10:00Z)"));

        var fresh = c.NewClient(await CreateToken(c));
        await c.Json(HttpMethod.Delete, "/api/v1/namespaces/default/serviceaccounts/robot");
        var (gone, _, deleted) = await ClusterClient.Send(fresh, HttpMethod.Post, whoami, review);
        Assert.That(gone, Is.EqualTo(401));
        Assert.That(c.TraceOf(deleted).Trace.Entries[1].Detail, Is.EqualTo("invalid bearer token: service account token: serviceaccounts \"robot\" not found"));
    }

    [Test]
    public async Task TokenRequestsAreValidated()
    {
        using var c = new ClusterClient();
        var (missing, missingBody, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts/nobody/token", "{}");
        Assert.That((missing, missingBody), Is.EqualTo((404, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"serviceaccounts \"nobody\" not found","reason":"NotFound","details":{"name":"nobody","kind":"serviceaccounts"},"code":404}""" + "\n")));

        var (status, body, _) = await c.Send(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts/default/token", """{"spec":{"expirationSeconds":10}}""");
        Assert.That(status, Is.EqualTo(422));
        Assert.That(body, Does.Contain("""
            "message":"TokenRequest.authentication.k8s.io \"default\" is invalid: spec.expirationSeconds: Invalid value: 10: may not specify a duration less than 10 minutes"
            """));
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
    }
}
