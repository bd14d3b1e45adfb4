using System.Net;
using System.Text.RegularExpressions;
using KubeLab.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// "Bring your own kubectl": the connect page gives the learner a kubeconfig for their own cluster, the real
/// kubectl drives that cluster over the HTTPS connect endpoint, and the page shows its requests as they arrive.
/// </summary>
public class ConnectTests : BrowserTest
{
    private const string NotFoundStatus =
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""";

    private ILocator Calls => Page.Locator("ol.calls > li.client-call");

    /// <summary>A call on the page, by kubectl's Kubectl-Command header.</summary>
    private ILocator Call(string title) => Calls.Filter(new() { Has = Page.Locator(".call-title").GetByText(title, new() { Exact = true }) });

    /// <summary>An exchange of a call, by its request line.</summary>
    private static ILocator Exchange(ILocator call, string method, string target) =>
        call.Locator("article.exchange").Filter(new()
        {
            Has = call.Page.Locator("summary .target").GetByText(target, new() { Exact = true }),
        }).Filter(new() { Has = call.Page.Locator("summary .method").GetByText(method, new() { Exact = true }) });

    /// <summary>Opens /connect in <paramref name="page"/> and saves the kubeconfig it shows.</summary>
    private static async Task<LearnerKubectl> ConnectAsync(IPage page)
    {
        await page.GotoAsync("/connect");
        await Expect(page.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
        var kubeconfig = page.GetByRole(AriaRole.Region, new() { Name = "Your kubeconfig" }).Locator("#kubeconfig");
        await Expect(kubeconfig).ToContainTextAsync("server: https://127.0.0.1:");
        return await LearnerKubectl.SaveAsync((await kubeconfig.TextContentAsync())!);
    }

    [Test]
    public async Task TheLearnersKubectlDrivesTheirClusterAndThePageShowsItsRequestsAsTheyArrive()
    {
        await OpenAsync("/");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Connect kubectl" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SiteFixture.BaseUrl + "/connect");
        using var kubectl = await ConnectAsync(Page);
        Assert.That(kubectl.Server, Does.Match(@"^https://127\.0\.0\.1:\d+/clusters/[0-9a-f]{32}$"));
        Assert.That(kubectl.Endpoint, Is.Not.EqualTo(SiteFixture.BaseUrl.Replace("http:", "https:")), "the connect endpoint is a port of its own");
        await Expect(Page.Locator("#connect-try")).ToHaveTextAsync("$ kubectl --kubeconfig kubelab.kubeconfig get pods");
        await Expect(Page.Locator(".calls-status")).ToContainTextAsync("Waiting for your kubectl");

        // The download is the same file, for this browser's learner.
        var download = await Page.Context.APIRequest.GetAsync("/connect/kubelab.kubeconfig");
        Assert.That(download.Status, Is.EqualTo(200));
        Assert.That(download.Headers["content-disposition"], Does.StartWith("attachment; filename=kubelab.kubeconfig"));
        Assert.That(download.Headers["cache-control"], Is.EqualTo("no-store"));
        Assert.That(await download.TextAsync(), Is.EqualTo(kubectl.Kubeconfig));

        Assert.That(await kubectl.RunAsync("create", "namespace", "connected"), Is.EqualTo(KubectlResult.Success("namespace/connected created\n")));
        var created = Call("kubectl create namespace");
        var post = Exchange(created, "POST", "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict");
        await Expect(post.Locator("summary .status")).ToHaveTextAsync("201 Created");
        await Expect(post.Locator("summary .user")).ToHaveTextAsync("as kubernetes-admin");
        await Expect(post.Locator("section[aria-label=Request] .head")).ToContainTextAsync("User-Agent: kubectl/v1.33");
        await Expect(created.Locator(".call-client")).ToContainTextAsync("kubectl/v1.33");

        Assert.That(await kubectl.RunAsync("run", "web", "--image=nginx", "-n", "connected"), Is.EqualTo(KubectlResult.Success("pod/web created\n")));
        var listed = await kubectl.RunAsync("get", "pods", "-n", "connected");
        Assert.That(listed.Stdout, Does.Match(@"^NAME +READY +STATUS +RESTARTS +AGE\nweb +\d/1 +\w+ +0 +\d+s\n$"), listed.ToString());

        // Newest first, open; the calls before fold away.
        await Expect(Calls.First.Locator(".call-title")).ToHaveTextAsync("kubectl get");
        await Expect(Exchange(Calls.First, "GET", "/api/v1/namespaces/connected/pods?limit=500").Locator("summary .status")).ToHaveTextAsync("200 OK");
        await Expect(Calls.First.Locator("> details")).ToHaveAttributeAsync("open", "");
        await Expect(created.Locator("> details")).Not.ToHaveAttributeAsync("open", "");
        await Expect(Calls.Locator(".call-title")).ToHaveTextAsync(["kubectl get", "kubectl run", "kubectl create namespace"]);
        // The scheduler placed the pod meanwhile: its request is folded apart, with the call it followed.
        await Expect(Calls.Locator("details.internal > summary").Filter(new() { HasText = "system:kube-scheduler" })).Not.ToHaveCountAsync(0);
        await ScreenshotAsync("connect");
        await AssertAccessibleAsync();

        // The sandbox of the same browser is the same cluster.
        await OpenAsync("/sandbox");
        await Expect(Page.Locator("details.object-group[data-namespace='connected']")).ToHaveCountAsync(1);
        var input = Page.GetByRole(AriaRole.Textbox, new() { Name = "Command" });
        await input.FillAsync("kubectl get pods -n connected -o name");
        await input.PressAsync("Enter");
        await Expect(Page.Locator("li.sandbox-entry .terminal-output")).ToHaveTextAsync("$ kubectl get pods -n connected -o name\npod/web\n");
    }

    [Test]
    public async Task KubectlThatWaitsSeesTheClusterMoveWithTheWallClock()
    {
        using var kubectl = await ConnectAsync(Page);
        Assert.That(await kubectl.RunAsync("run", "web", "--image=nginx"), Is.EqualTo(KubectlResult.Success("pod/web created\n")));
        await using var watch = kubectl.Kubectl.Start("get", "pods", "-w");
        await watch.WaitForLineAsync(line => Regex.IsMatch(line, @"^web +1/1 +Running "), TimeSpan.FromSeconds(30));
        // describe computes ages with kubectl's own clock: the cluster's is the present, not a lesson's epoch.
        var described = await kubectl.RunAsync("describe", "pod", "web");
        Assert.That(described.Stdout, Does.Match(@"\n  Normal +Scheduled +\d+s +default-scheduler +Successfully assigned default/web to "), described.ToString());

        // delete waits until the pod is gone: the kubelet stops it, and deletes it, in real time.
        Assert.That(await kubectl.RunAsync("delete", "pod", "web"), Is.EqualTo(KubectlResult.Success("pod \"web\" deleted\n")));
        Assert.That(await kubectl.RunAsync("get", "pods"), Is.EqualTo(new KubectlResult(0, "", "No resources found in default namespace.\n")));
        await watch.WaitForLineAsync(line => Regex.IsMatch(line, @"^web +0/1 +(Terminating|Completed) "), TimeSpan.FromSeconds(30));

        Assert.That(await kubectl.RunAsync("create", "deployment", "hello", "--image=nginx", "--replicas=2"),
            Is.EqualTo(KubectlResult.Success("deployment.apps/hello created\n")));
        var rollout = await kubectl.RunAsync("rollout", "status", "deployment/hello", "--timeout=60s");
        Assert.That(rollout.ExitCode, Is.Zero, rollout.ToString());
        Assert.That(rollout.Stdout, Does.EndWith("deployment \"hello\" successfully rolled out\n"), rollout.ToString());
    }

    [Test]
    public async Task TwoBrowsersCannotReachEachOthersClusters()
    {
        using var ann = await ConnectAsync(Page);
        var other = await SiteFixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = SiteFixture.BaseUrl });
        try
        {
            var bobPage = await other.NewPageAsync();
            using var bob = await ConnectAsync(bobPage);
            Assert.That(bob.ConnectId, Is.Not.EqualTo(ann.ConnectId));
            Assert.That(bob.Token, Is.Not.EqualTo(ann.Token));

            Assert.That(await ann.RunAsync("create", "namespace", "only-ann"), Is.EqualTo(KubectlResult.Success("namespace/only-ann created\n")));
            Assert.That(await bob.RunAsync("get", "namespace", "only-ann"),
                Is.EqualTo(KubectlResult.Failure("Error from server (NotFound): namespaces \"only-ann\" not found\n")));
            await bobPage.GotoAsync("/sandbox");
            await Expect(bobPage.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
            await Expect(bobPage.Locator("details.object-group[data-namespace='default']")).ToHaveCountAsync(1);
            await Expect(bobPage.Locator("details.object-group[data-namespace='only-ann']")).ToHaveCountAsync(0);

            // Ann's token at Bob's cluster: Bob's cluster does not know it.
            using var annAtBob = await ann.WithConnectIdOfAsync(bob);
            var refused = await annAtBob.RunAsync("get", "namespaces");
            Assert.That((refused.ExitCode, refused.Stdout), Is.EqualTo((1, "")), refused.ToString());
            // kubectl's words for a 401 to its discovery request.
            Assert.That(refused.Stderr, Does.EndWith("\nerror: You must be logged in to the server (the server has asked for the client to provide credentials)\n"));

            using var http = ann.HttpClient();
            async Task<(HttpStatusCode, string)> GetAsync(string url)
            {
                using var response = await http.SendAsync(LearnerKubectl.RawGet(url));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            Assert.That((await GetAsync($"{ann.Server}/api/v1/namespaces/only-ann")).Item1, Is.EqualTo(HttpStatusCode.OK));
            // No such cluster, no cluster at all, no pages: a kube-apiserver's 404 for a path it does not serve.
            Assert.That(await GetAsync($"{ann.Endpoint}/clusters/{new string('0', 32)}/api"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            Assert.That(await GetAsync($"{ann.Endpoint}/clusters/"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            Assert.That(await GetAsync($"{ann.Endpoint}/"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            Assert.That(await GetAsync($"{ann.Endpoint}/sandbox"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            Assert.That(await GetAsync($"{ann.Endpoint}/connect/kubelab.kubeconfig"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            // Paths that try to climb from Ann's cluster to Bob's end at Bob's authenticator, or nowhere.
            Assert.That((await GetAsync($"{ann.Server}/../{bob.ConnectId}/api/v1/namespaces")).Item1, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync($"{ann.Server}/api/../../{bob.ConnectId}/api/v1/namespaces")).Item1, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await GetAsync($"{ann.Server}%2F..%2F{bob.ConnectId}/api/v1/namespaces"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            Assert.That(await GetAsync($"{ann.Endpoint}/clusters/{ann.ConnectId}{bob.ConnectId}/api"), Is.EqualTo((HttpStatusCode.NotFound, NotFoundStatus + "\n")));
            // The site's own port serves no cluster.
            var onSite = await Page.Context.APIRequest.GetAsync($"/clusters/{ann.ConnectId}/api/v1/namespaces");
            Assert.That(onSite.Status, Is.EqualTo(404));
            Assert.That(await onSite.TextAsync(), Does.Not.Contain("\"kind\""));

            // A browser without the learner's cookie gets no kubeconfig.
            var stranger = await SiteFixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = SiteFixture.BaseUrl });
            var response = await stranger.APIRequest.GetAsync("/connect/kubelab.kubeconfig");
            Assert.That(response.Status, Is.EqualTo(404));
            Assert.That(await response.TextAsync(), Does.Not.Contain(ann.Token).And.Not.Contain(bob.Token));
            await stranger.CloseAsync();
        }
        finally
        {
            await other.CloseAsync();
        }
    }
}
