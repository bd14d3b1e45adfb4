using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Tests.Kubectl.Emulator;

/// <summary>kubectl config on the lesson's kubeconfig: edits replace the environment's kubeconfig, and later commands use them.</summary>
public class ConfigTests
{
    [Test]
    public async Task Use_context_and_set_context_edit_the_learners_kubeconfig()
    {
        var learner = new Learner();
        learner.Environment.Kubeconfig = learner.Environment.Kubeconfig with
        {
            Contexts = [.. learner.Environment.Kubeconfig.Contexts, new KubeconfigContext("jane", "jane", "team")],
            Users = [.. learner.Environment.Kubeconfig.Users, new KubeconfigUser("jane", "wrong-token", null)],
        };

        Assert.That(await learner.RunAsync("config", "use-context", "jane"), Is.EqualTo((0, "Switched to context \"jane\".\n", "")));
        Assert.That(learner.Environment.Kubeconfig.CurrentContext, Is.EqualTo("jane"));
        Assert.That(await learner.RunAsync("config", "current-context"), Is.EqualTo((0, "jane\n", "")));
        // A cold discovery cache meets the 401 first: five memcache errors, then client-go's own words.
        Assert.That((await learner.RunAsync("get", "pods")).Stderr,
            Does.EndWith("error: You must be logged in to the server (the server has asked for the client to provide credentials)\n"));

        Assert.That(await learner.RunAsync("config", "set-context", "kubelab", "--namespace=kube-system"), Is.EqualTo((0, "Context \"kubelab\" modified.\n", "")));
        await learner.RunAsync("config", "use-context", "kubelab");
        Assert.That(await learner.RunAsync("get", "pods"), Is.EqualTo((0, "", "No resources found in kube-system namespace.\n")));
        Assert.That(learner.Cluster.Api.Exchanges.Snapshot()[^1].Target, Is.EqualTo("/api/v1/namespaces/kube-system/pods?limit=500"));
    }

    [Test]
    public async Task Set_credentials_fixes_a_token_and_minify_names_a_missing_user()
    {
        var learner = new Learner();
        learner.Cluster.Authentication.AddTokenUser("right-token", "jane");
        learner.Environment.Kubeconfig = learner.Environment.Kubeconfig with
        {
            CurrentContext = "jane",
            Contexts = [.. learner.Environment.Kubeconfig.Contexts, new KubeconfigContext("jane", "jnae", null)],
            Users = [.. learner.Environment.Kubeconfig.Users, new KubeconfigUser("jane", "wrong-token", null)],
        };

        Assert.That(await learner.RunAsync("config", "view", "--minify"), Is.EqualTo((1, "", "error: cannot locate user jnae\n")));
        await learner.RunAsync("config", "set-context", "jane", "--user=jane");
        Assert.That(await learner.RunAsync("config", "set-credentials", "jane", "--token=right-token"), Is.EqualTo((0, "User \"jane\" set.\n", "")));
        Assert.That(await learner.RunAsync("config", "set-credentials", "robot", "--token=robot-token"), Is.EqualTo((0, "User \"robot\" set.\n", "")));

        Assert.That(learner.Environment.Kubeconfig.Users.Select(u => $"{u.Name}={u.Token}"),
            Is.EqualTo(new[] { $"admin={Learner.Token}", "jane=right-token", "robot=robot-token" }));
        var (exit, stdout, _) = await learner.RunAsync("auth", "whoami");
        Assert.That((exit, stdout), Is.EqualTo((0, "ATTRIBUTE   VALUE\nUsername    jane\nGroups      [system:authenticated]\n")));
    }

    [Test]
    public async Task A_server_that_is_no_url_is_a_kubectl_error()
    {
        var learner = new Learner();

        Assert.That(await learner.RunAsync("get", "pods", "--server=https://exa mple"),
            Is.EqualTo((1, "", "error: host must be a URL or a host:port pair: \"https://exa mple\"\n")));
    }

    [Test]
    public async Task View_redacts_the_token()
    {
        var learner = new Learner();

        var (exit, stdout, _) = await learner.RunAsync("config", "view");

        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("    token: REDACTED\n").And.Contain("    certificate-authority-data: DATA+OMITTED\n").And.Contain("current-context: kubelab\n"));
    }
}

/// <summary>A kubeconfig that names no server: kubectl falls back to localhost:8080, where nothing listens.</summary>
public class UnreachableServerTests
{
    [Test]
    public async Task No_current_context_means_localhost_8080_refused()
    {
        var learner = new Learner();
        learner.Environment.Kubeconfig = learner.Environment.Kubeconfig with { CurrentContext = null };

        var (exit, stdout, stderr) = await learner.RunAsync("get", "pods");

        const string line = "E0101 00:00:00.000000   24608 memcache.go:265] \"Unhandled Error\" err=\"couldn't get current server API group list: Get \\\"http://localhost:8080/api?timeout=32s\\\": dial tcp 127.0.0.1:8080: connect: connection refused\"\n";
        Assert.That((exit, stdout), Is.EqualTo((1, "")));
        Assert.That(stderr, Is.EqualTo(string.Concat(Enumerable.Repeat(line, 5)) + "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n"));
    }
}
