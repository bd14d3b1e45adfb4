using System.Net.Http.Headers;
using KubeLab.ControlPlane.Http;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Tests.Authentication;

/// <summary>Who a request is: tokens, client certificates, anonymous, and what the trace says about each.</summary>
public class AuthenticationTests
{
    private static IEnumerable<(TraceStage, string, string)> Decisions(Exchange request, params TraceStage[] stages) =>
        request.Trace.Entries.Where(e => stages.Contains(e.Stage)).Select(e => (e.Stage, e.Component, e.Decision));

    [Test]
    public async Task AGarbageTokenIs401AndTheTraceSaysWhichAuthenticatorRejectedIt()
    {
        using var c = new ClusterClient();
        var (status, body, response) = await ClusterClient.Send(c.NewClient("garbage"), HttpMethod.Get, "/api/v1/namespaces/default/pods");
        Assert.That(status, Is.EqualTo(401));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""" + "\n"));

        var trace = c.TraceOf(response);
        Assert.That(trace.Trace.Entries.Select(e => (e.Stage, e.Component, e.Decision, e.Detail)), Is.EqualTo(new[]
        {
            (TraceStage.Authentication, "x509 client certificate", "not applicable", "no client certificate was presented"),
            (TraceStage.Authentication, "bearer token", "rejected", "invalid bearer token: it matches no user"),
            (TraceStage.Authentication, "union", "rejected", "credentials were sent but none are valid: 401 Unauthorized (a bad credential is never treated as anonymous)"),
        }));
    }

    [Test]
    public async Task NoCredentialsIsAnonymousWhichMayOnlyReadPublicInfo()
    {
        using var c = new ClusterClient();
        var anonymous = c.NewClient();
        var (healthStatus, health, healthResponse) = await ClusterClient.Send(anonymous, HttpMethod.Get, "/healthz");
        Assert.That((healthStatus, health), Is.EqualTo((200, "ok")));
        Assert.That(c.TraceOf(healthResponse).Trace.Entries.Last().Detail, Is.EqualTo(
            "user \"system:anonymous\" with groups [system:unauthenticated] may get path \"/healthz\": RBAC: allowed by ClusterRoleBinding \"system:public-info-viewer\" of ClusterRole \"system:public-info-viewer\" to Group \"system:unauthenticated\""));

        var (status, body, response) = await ClusterClient.Send(anonymous, HttpMethod.Get, "/api");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden: User \"system:anonymous\" cannot get path \"/api\"","reason":"Forbidden","details":{},"code":403}""" + "\n"));
        var trace = c.TraceOf(response);
        Assert.That(trace.User, Is.EqualTo(UserInfo.Anonymous));
        Assert.That(Decisions(trace, TraceStage.Authentication, TraceStage.Authorization), Is.EqualTo(new[]
        {
            (TraceStage.Authentication, "x509 client certificate", "not applicable"),
            (TraceStage.Authentication, "bearer token", "not applicable"),
            (TraceStage.Authentication, "anonymous", "authenticated"),
            (TraceStage.Authorization, "privileged-groups", "no opinion"),
            (TraceStage.Authorization, "Node", "no opinion"),
            (TraceStage.Authorization, "RBAC", "no opinion"),
            (TraceStage.Authorization, "union", "denied"),
        }));
        Assert.That(trace.Trace.Entries.Single(e => e.Component == "RBAC").Detail,
            Is.EqualTo("RBAC has no rule that lets user \"system:anonymous\" with groups [system:unauthenticated] get path \"/api\""));
    }

    [Test]
    public async Task BasicCredentialsAreReadByNoAuthenticatorSoTheRequestIsAnonymous()
    {
        using var c = new ClusterClient();
        var client = c.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("jane:secret"u8.ToArray()));
        var (status, body, response) = await ClusterClient.Send(client, HttpMethod.Get, "/api/v1/namespaces/default/pods");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.Contain("""
            "message":"pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403
            """));
        Assert.That(c.TraceOf(response).Trace.Entries[1].Detail, Is.EqualTo("Authorization scheme \"Basic\" is not Bearer (no authenticator reads it)"));
    }

    [Test]
    public async Task StaticTokenUsersGainSystemAuthenticated()
    {
        using var c = new ClusterClient();
        c.Cluster.Authentication.AddTokenUser("jane-token", "jane", "dev");
        var (_, body, response) = await ClusterClient.Send(c.NewClient("jane-token"), HttpMethod.Post, "/apis/authentication.k8s.io/v1/selfsubjectreviews",
            """{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""");
        Assert.That(body, Is.EqualTo("""{"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/v1","metadata":{"creationTimestamp":null},"status":{"userInfo":{"username":"jane","groups":["dev","system:authenticated"]}}}""" + "\n"));
        Assert.That(c.TraceOf(response).Trace.Entries[1], Is.EqualTo(new TraceEntry(TraceStage.Authentication, "bearer token", "authenticated",
            "static bearer token accepted: user \"jane\", groups [dev, system:authenticated]")));
    }

    [Test]
    public async Task AClientCertificateFromTheClusterCaAuthenticatesAsItsCommonNameAndOrganizations()
    {
        using var c = new ClusterClient();
        using var certificate = c.Cluster.Authentication.IssueClientCertificate("jane", "dev", "ops");
        var (status, body, response) = await ClusterClient.Send(c.NewClient(certificate: certificate), HttpMethod.Post,
            "/apis/authentication.k8s.io/v1/selfsubjectreviews", """{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""");
        Assert.That(status, Is.EqualTo(201), body);
        Assert.That(body, Does.Contain("""{"userInfo":{"username":"jane","groups":["dev","ops","system:authenticated"]}}"""));
        Assert.That(c.TraceOf(response).Trace.Entries[0], Is.EqualTo(new TraceEntry(TraceStage.Authentication, "x509 client certificate", "authenticated",
            "client certificate \"O=dev, O=ops, CN=jane\" signed by the cluster CA: user \"jane\", groups [dev, ops, system:authenticated]")));
    }

    [Test]
    public async Task ACertificateFromAnotherCaIs401NotAnonymous()
    {
        using var c = new ClusterClient();
        using var other = new ClusterClient(seed: 7);
        using var foreign = other.Cluster.Authentication.IssueClientCertificate("jane", "system:masters");
        var (status, _, response) = await ClusterClient.Send(c.NewClient(certificate: foreign), HttpMethod.Get, "/api/v1/namespaces");
        Assert.That(status, Is.EqualTo(401));
        Assert.That(c.TraceOf(response).Trace.Entries[0], Is.EqualTo(new TraceEntry(TraceStage.Authentication, "x509 client certificate", "rejected",
            "verifying certificate \"O=system:masters, CN=jane\" failed: x509: certificate signed by unknown authority")));
    }
}
