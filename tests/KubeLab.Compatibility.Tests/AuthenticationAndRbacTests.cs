using KubeLab.Compatibility.Tests.Infrastructure;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// Who is asking, and may they: real kubectl with a garbage token, with no usable credentials, with a
/// service account token before and after a RoleBinding, with a client certificate, and asking can-i/whoami.
/// </summary>
public class AuthenticationAndRbacTests : SimulatorFixture
{
    protected override string[] ServeArguments => ["--user", "jane:dev,ops"];

    /// <summary>
    /// kubectl reads discovery from its disk cache once any command has fetched it; with a cold cache its
    /// first request is discovery, whose 401 or 403 kubectl reports in words of its own. These tests warm
    /// the cache as the admin first, so the request kubectl reports on is the one under test.
    /// </summary>
    private async Task WarmDiscoveryCacheAsync() =>
        Assert.That((await Kubectl.RunAsync("get", "pods", "-n", "kube-public")).ExitCode, Is.Zero);

    [Test]
    public async Task AGarbageTokenMustLogIn()
    {
        await WarmDiscoveryCacheAsync();
        Assert.That(await Kubectl.RunAsync("--token=garbage", "get", "pods"),
            Is.EqualTo(KubectlResult.Failure("error: You must be logged in to the server (Unauthorized)\n")));
        Assert.That(await Kubectl.RunAsync("--token=garbage", "get", "--raw", "/api/v1/namespaces"),
            Is.EqualTo(KubectlResult.Failure("error: You must be logged in to the server (Unauthorized)\n")));
    }

    /// <summary>
    /// kubectl asks for a username and password when a user has no credentials (and fails without a terminal),
    /// so an anonymous request from kubectl is one with basic credentials: no v1.33 authenticator reads them.
    /// </summary>
    [Test]
    public async Task BasicCredentialsAreAnonymousWhoMayOnlyReadPublicInfo()
    {
        await Kubectl.RunAsync("config", "set-credentials", "anonymous", "--username=nobody", "--password=secret");
        await Kubectl.RunAsync("config", "set-context", "anonymous", "--cluster=kubelab", "--user=anonymous", "--namespace=default");
        await WarmDiscoveryCacheAsync();

        Assert.That(await Kubectl.RunAsync("--context=anonymous", "get", "pods"), Is.EqualTo(KubectlResult.Failure(
            "Error from server (Forbidden): pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n")));
        Assert.That(await Kubectl.RunAsync("--context=anonymous", "get", "--raw", "/api"), Is.EqualTo(KubectlResult.Failure(
            "Error from server (Forbidden): forbidden: User \"system:anonymous\" cannot get path \"/api\"\n")));
        Assert.That(await Kubectl.RunAsync("--context=anonymous", "get", "--raw", "/healthz"), Is.EqualTo(KubectlResult.Success("ok")));
    }

    [Test]
    public async Task AServiceAccountTokenIsForbiddenUntilBoundToView()
    {
        var ns = await CreateNamespaceAsync("sa");
        Assert.That(await Kubectl.RunAsync("create", "serviceaccount", "robot", "-n", ns),
            Is.EqualTo(KubectlResult.Success("serviceaccount/robot created\n")));
        var token = await Kubectl.RunAsync("create", "token", "robot", "-n", ns);
        Assert.That(token.ExitCode, Is.Zero, token.ToString());
        Assert.That(token.Stdout, Does.Match(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"), "a JWT, with no newline when stdout is not a terminal");
        var asRobot = $"--token={token.Stdout}";

        Assert.That(await Kubectl.RunAsync(asRobot, "get", "pods", "-n", ns), Is.EqualTo(KubectlResult.Failure(
            $"Error from server (Forbidden): pods is forbidden: User \"system:serviceaccount:{ns}:robot\" cannot list resource \"pods\" in API group \"\" in the namespace \"{ns}\"\n")));

        Assert.That(await Kubectl.RunAsync("create", "rolebinding", "robot-view", "--clusterrole=view", $"--serviceaccount={ns}:robot", "-n", ns),
            Is.EqualTo(KubectlResult.Success("rolebinding.rbac.authorization.k8s.io/robot-view created\n")));
        Assert.That(await Kubectl.RunAsync(asRobot, "get", "pods", "-n", ns),
            Is.EqualTo(new KubectlResult(0, "", $"No resources found in {ns} namespace.\n")));
        Assert.That(await Kubectl.RunAsync(asRobot, "get", "secrets", "-n", ns), Is.EqualTo(KubectlResult.Failure(
            $"Error from server (Forbidden): secrets is forbidden: User \"system:serviceaccount:{ns}:robot\" cannot list resource \"secrets\" in API group \"\" in the namespace \"{ns}\"\n")));

        var wide = await Kubectl.RunAsync("get", "rolebindings", "-n", ns, "-o", "wide");
        TextTable.AssertRows(TextTable.Parse(wide.Stdout, "NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"),
            ["robot-view", "ClusterRole/view", TextTable.Age, "", "", $"{ns}/robot"]);

        var whoami = await Kubectl.RunAsync(asRobot, "auth", "whoami");
        Assert.That(whoami.ExitCode, Is.Zero, whoami.ToString());
        var rows = TextTable.Parse(whoami.Stdout, "ATTRIBUTE", "VALUE");
        Assert.That(rows[0], Is.EqualTo(new[] { "Username", $"system:serviceaccount:{ns}:robot" }));
        Assert.That(rows[1][0], Is.EqualTo("UID"));
        Assert.That(rows[2], Is.EqualTo(new[] { "Groups", $"[system:serviceaccounts system:serviceaccounts:{ns} system:authenticated]" }));
        Assert.That(rows[3][0], Is.EqualTo("Extra: authentication.kubernetes.io/credential-id"));
        Assert.That(rows[3][1], Does.Match(@"^\[JTI=[0-9a-f-]{36}\]$"));
    }

    [Test]
    public async Task CanIAnswersForTheUserAndForWhomeverTheyImpersonate()
    {
        Assert.That(await Kubectl.RunAsync("auth", "can-i", "list", "pods"), Is.EqualTo(KubectlResult.Success("yes\n")));
        Assert.That(await Kubectl.RunAsync("auth", "can-i", "create", "deployments", "--as=system:serviceaccount:default:nobody"),
            Is.EqualTo(new KubectlResult(1, "no\n", "")));
        Assert.That(await Kubectl.RunAsync("auth", "can-i", "get", "/healthz", "--as=jane"), Is.EqualTo(KubectlResult.Success("yes\n")));
        Assert.That(await Kubectl.RunAsync("--context=jane", "auth", "can-i", "list", "pods", "--as=bob"), Is.EqualTo(KubectlResult.Failure(
            "Error from server (Forbidden): users \"bob\" is forbidden: User \"jane\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope\n")));
    }

    [Test]
    public async Task CanIListShowsTheRulesOfAFreshUser()
    {
        var result = await Kubectl.RunAsync("--context=jane", "auth", "can-i", "--list");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var rows = TextTable.Parse(result.Stdout, "Resources", "Non-Resource URLs", "Resource Names", "Verbs");
        Assert.That(rows, Is.EqualTo(new[]
        {
            new[] { "selfsubjectreviews.authentication.k8s.io", "[]", "[]", "[create]" },
            ["selfsubjectaccessreviews.authorization.k8s.io", "[]", "[]", "[create]"],
            ["selfsubjectrulesreviews.authorization.k8s.io", "[]", "[]", "[create]"],
            ["", "[/api/*]", "[]", "[get]"],
            ["", "[/api]", "[]", "[get]"],
            ["", "[/apis/*]", "[]", "[get]"],
            ["", "[/apis]", "[]", "[get]"],
            ["", "[/healthz]", "[]", "[get]"],
            ["", "[/healthz]", "[]", "[get]"],
            ["", "[/livez]", "[]", "[get]"],
            ["", "[/livez]", "[]", "[get]"],
            ["", "[/openapi/*]", "[]", "[get]"],
            ["", "[/openapi]", "[]", "[get]"],
            ["", "[/readyz]", "[]", "[get]"],
            ["", "[/readyz]", "[]", "[get]"],
            ["", "[/version/]", "[]", "[get]"],
            ["", "[/version/]", "[]", "[get]"],
            ["", "[/version]", "[]", "[get]"],
            ["", "[/version]", "[]", "[get]"],
        }));
    }

    [Test]
    public async Task WhoAmIForTheAdminTokenAndAClientCertificate()
    {
        Assert.That(await Kubectl.RunAsync("auth", "whoami"), Is.EqualTo(KubectlResult.Success(TextTable.Render(
        [
            ["ATTRIBUTE", "VALUE"],
            ["Username", "kubernetes-admin"],
            ["Groups", "[kubeadm:cluster-admins system:authenticated]"],
        ]))));
        Assert.That(await Kubectl.RunAsync("--context=jane", "auth", "whoami"), Is.EqualTo(KubectlResult.Success(TextTable.Render(
        [
            ["ATTRIBUTE", "VALUE"],
            ["Username", "jane"],
            ["Groups", "[dev ops system:authenticated]"],
        ]))));
        Assert.That(await Kubectl.RunAsync("--context=jane", "get", "pods"), Is.EqualTo(KubectlResult.Failure(
            "Error from server (Forbidden): pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n")));
    }

    [Test]
    public async Task GetClusterRolesListsTheBootstrapRoles()
    {
        var result = await Kubectl.RunAsync("get", "clusterroles");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var names = TextTable.Parse(result.Stdout, "NAME", "CREATED AT").Select(row => row[0]).ToList();
        Assert.That(names, Is.SupersetOf(new[]
        {
            "admin", "cluster-admin", "edit", "view", "system:aggregate-to-admin", "system:aggregate-to-edit", "system:aggregate-to-view",
            "system:basic-user", "system:discovery", "system:public-info-viewer", "system:controller:namespace-controller",
        }));
        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));

        var bindings = await Kubectl.RunAsync("get", "clusterrolebinding", "cluster-admin", "kubeadm:cluster-admins", "-o", "wide");
        TextTable.AssertRows(TextTable.Parse(bindings.Stdout, "NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"),
            ["cluster-admin", "ClusterRole/cluster-admin", TextTable.Age, "", "system:masters", ""],
            ["kubeadm:cluster-admins", "ClusterRole/cluster-admin", TextTable.Age, "", "kubeadm:cluster-admins", ""]);
    }
}
