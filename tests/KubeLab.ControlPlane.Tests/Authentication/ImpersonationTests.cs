using KubeLab.ControlPlane.Pipeline;
using static KubeLab.ControlPlane.Tests.Authorization.RbacTesting;

namespace KubeLab.ControlPlane.Tests.Authentication;

/// <summary><c>kubectl --as</c>: the impersonate verb is checked, then the request runs as the impersonated user.</summary>
public class ImpersonationTests
{
    private const string WhoAmI = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
    private const string Review = """{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""";

    private static async Task<(int Status, string Body, HttpResponseMessage Response)> As(HttpClient client, string user, params string[] groups)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WhoAmI) { Content = new StringContent(Review, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Impersonate-User", user);
        foreach (var group in groups) request.Headers.Add("Impersonate-Group", group);
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Test]
    public async Task AnAdminMayImpersonateAUserAndTheRequestRunsAsThem()
    {
        using var c = new ClusterClient();
        var (status, body, response) = await As(c.Http, "jane", "dev");
        Assert.That(status, Is.EqualTo(201), body);
        Assert.That(body, Does.Contain("""{"userInfo":{"username":"jane","groups":["dev","system:authenticated"]}}"""));
        var trace = c.TraceOf(response);
        Assert.That(trace.User, Is.EqualTo(new UserInfo("jane", ["dev", "system:authenticated"])).Using<UserInfo>((a, b) => a.Name == b.Name && a.Groups.SequenceEqual(b.Groups)));
        Assert.That(trace.Trace.Entries.Where(e => e.Stage == TraceStage.Impersonation).Select(e => (e.Component, e.Decision)), Is.EqualTo(new[]
        {
            ("privileged-groups", "allowed"),
            ("privileged-groups", "allowed"),
            ("impersonation", "impersonating"),
        }));
        Assert.That(trace.Trace.Entries.Last(e => e.Stage == TraceStage.Impersonation).Detail,
            Is.EqualTo("kubernetes-admin [system:masters, system:authenticated] acts as user \"jane\", groups [dev, system:authenticated]"));
    }

    [Test]
    public async Task ImpersonatingAServiceAccountGivesItsGroups()
    {
        using var c = new ClusterClient();
        var (_, body, _) = await As(c.Http, "system:serviceaccount:default:robot");
        Assert.That(body, Does.Contain("""{"username":"system:serviceaccount:default:robot","groups":["system:serviceaccounts","system:serviceaccounts:default","system:authenticated"]}"""));
    }

    [Test]
    public async Task WithoutTheImpersonateVerbTheRequestIsForbidden()
    {
        using var c = new ClusterClient();
        var bob = c.As("bob");
        var (status, body, _) = await As(bob, "jane");
        Assert.That((status, body), Is.EqualTo((403, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"users \"jane\" is forbidden: User \"bob\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope","reason":"Forbidden","details":{"name":"jane","kind":"users"},"code":403}""" + "\n")));

        var (saStatus, saBody, _) = await As(bob, "system:serviceaccount:default:robot");
        Assert.That(saStatus, Is.EqualTo(403));
        Assert.That(saBody, Does.Contain("""
            "message":"serviceaccounts \"robot\" is forbidden: User \"bob\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"default\""
            """));

        // edit grants impersonating service accounts in its namespace, and nothing else.
        await c.RoleBinding("default", "bob-edit", "ClusterRole", "edit", User("bob"));
        Assert.That((await As(bob, "system:serviceaccount:default:robot")).Status, Is.EqualTo(201));
        var (groupStatus, groupBody, _) = await As(bob, "system:serviceaccount:default:robot", "system:masters");
        Assert.That(groupStatus, Is.EqualTo(403));
        Assert.That(groupBody, Does.Contain("""
            "message":"groups \"system:masters\" is forbidden: User \"bob\" cannot impersonate resource \"groups\" in API group \"\" at the cluster scope"
            """));
    }
}
