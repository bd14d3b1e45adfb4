using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Authorization.Rbac;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>One PolicyRule against one request, as rbac.RuleAllows decides it.</summary>
public class RuleMatcherTests
{
    private static readonly UserInfo Jane = new("jane", ["system:authenticated"]);

    private static AuthorizationAttributes Request(string verb, string resource, string group = "", string subresource = "", string name = "", string ns = "default") =>
        new(Jane, verb) { IsResourceRequest = true, Resource = resource, ApiGroup = group, Subresource = subresource, Name = name, Namespace = ns };

    private static AuthorizationAttributes Path(string verb, string path) => AuthorizationAttributes.NonResource(Jane, verb, path);

    private static PolicyRule Rule(string[] verbs, string[]? groups = null, string[]? resources = null, string[]? names = null, string[]? urls = null) =>
        new() { Verbs = [.. verbs], ApiGroups = groups?.ToList(), Resources = resources?.ToList(), ResourceNames = names?.ToList(), NonResourceURLs = urls?.ToList() };

    [Test]
    public void VerbGroupAndResourceMustAllMatch()
    {
        var rule = Rule(["get", "list"], [""], ["pods"]);
        Assert.That(RuleMatcher.Allows(rule, Request("list", "pods")), Is.True);
        Assert.That(RuleMatcher.Allows(rule, Request("delete", "pods")), Is.False, "verb");
        Assert.That(RuleMatcher.Allows(rule, Request("list", "pods", group: "apps")), Is.False, "group");
        Assert.That(RuleMatcher.Allows(rule, Request("list", "services")), Is.False, "resource");
    }

    [Test]
    public void StarMatchesAnyVerbGroupResourceOrPath()
    {
        var everything = Rule(["*"], ["*"], ["*"]);
        Assert.That(RuleMatcher.Allows(everything, Request("deletecollection", "deployments", "apps")), Is.True);
        Assert.That(RuleMatcher.Allows(everything, Request("get", "pods", subresource: "log")), Is.True, "* covers subresources too");
        Assert.That(RuleMatcher.Allows(everything, Path("get", "/healthz")), Is.False, "resource rules never cover paths");
        Assert.That(RuleMatcher.Allows(Rule(["*"], urls: ["*"]), Path("post", "/anything/at/all")), Is.True);
    }

    [Test]
    public void SubresourcesAreNamedWithTheirResource()
    {
        var logs = Rule(["get"], [""], ["pods/log"]);
        Assert.That(RuleMatcher.Allows(logs, Request("get", "pods", subresource: "log", name: "nginx")), Is.True);
        Assert.That(RuleMatcher.Allows(logs, Request("get", "pods", name: "nginx")), Is.False, "pods/log does not grant pods");
        Assert.That(RuleMatcher.Allows(Rule(["get"], [""], ["pods"]), Request("get", "pods", subresource: "log", name: "nginx")), Is.False,
            "pods does not grant pods/log");
    }

    [Test]
    public void StarSlashSubresourceMatchesThatSubresourceOfAnyResource()
    {
        var scale = Rule(["update"], ["apps"], ["*/scale"]);
        Assert.That(RuleMatcher.Allows(scale, Request("update", "deployments", "apps", "scale", "web")), Is.True);
        Assert.That(RuleMatcher.Allows(scale, Request("update", "deployments", "apps", "status", "web")), Is.False);
        Assert.That(RuleMatcher.Allows(scale, Request("update", "deployments", "apps", name: "web")), Is.False);
    }

    [Test]
    public void ResourceNamesLimitARuleToNamedObjects()
    {
        var one = Rule(["get", "list", "update"], [""], ["configmaps"], names: ["settings"]);
        Assert.That(RuleMatcher.Allows(one, Request("get", "configmaps", name: "settings")), Is.True);
        Assert.That(RuleMatcher.Allows(one, Request("get", "configmaps", name: "other")), Is.False);
        Assert.That(RuleMatcher.Allows(one, Request("list", "configmaps")), Is.False, "a list has no name, so a named rule cannot cover it");
    }

    [Test]
    public void NonResourceUrlsMatchExactlyOrByStarPrefix()
    {
        var discovery = Rule(["get"], urls: ["/api", "/api/*", "/healthz"]);
        Assert.That(RuleMatcher.Allows(discovery, Path("get", "/api")), Is.True);
        Assert.That(RuleMatcher.Allows(discovery, Path("get", "/api/v1")), Is.True);
        Assert.That(RuleMatcher.Allows(discovery, Path("get", "/apis")), Is.False);
        Assert.That(RuleMatcher.Allows(discovery, Path("get", "/healthz/etcd")), Is.False, "no star, no prefix match");
        Assert.That(RuleMatcher.Allows(discovery, Path("post", "/api")), Is.False, "verb");
        Assert.That(RuleMatcher.Allows(Rule(["get"], urls: ["/healthz*"]), Path("get", "/healthzz")), Is.True, "the star is a plain prefix");
    }
}
