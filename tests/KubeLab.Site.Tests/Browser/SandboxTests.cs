using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>The sandbox: a terminal on the learner's own cluster, each command shown with its exchanges.</summary>
public class SandboxTests : BrowserTest
{
    private ILocator Input => Page.GetByRole(AriaRole.Textbox, new() { Name = "Command" });
    private ILocator Entries => Page.Locator("ol.scrollback > li.sandbox-entry");
    private ILocator Entry(int number) => Page.Locator($"li.sandbox-entry[data-entry='{number}']");

    private async Task OpenSandboxAsync()
    {
        await OpenAsync("/sandbox");
        await Expect(Input).ToBeVisibleAsync();
    }

    /// <summary>Types a line, presses Enter and waits until it is in the scrollback.</summary>
    private async Task TypeAsync(string line)
    {
        var before = await Entries.CountAsync();
        await Input.FillAsync(line);
        await Input.PressAsync("Enter");
        await Expect(Entries).ToHaveCountAsync(before + 1);
        await Expect(Input).ToHaveValueAsync("");
    }

    /// <summary>An exchange of one command, by its request line.</summary>
    private static ILocator Exchange(ILocator entry, string method, string target) =>
        entry.Locator("article.exchange").Filter(new()
        {
            Has = entry.Page.Locator("summary .target").GetByText(target, new() { Exact = true }),
        }).Filter(new() { Has = entry.Page.Locator("summary .method").GetByText(method, new() { Exact = true }) });

    [Test]
    public async Task ACommandShowsItsOutputAndItsExchanges()
    {
        await OpenAsync("/");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Sandbox" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SiteFixture.BaseUrl + "/sandbox");
        await Expect(Input).ToBeVisibleAsync();

        await TypeAsync("kubectl create namespace demo");
        var created = Entry(1);
        await Expect(created.Locator(".terminal-output")).ToHaveTextAsync("$ kubectl create namespace demo\nnamespace/demo created\n");
        var post = Exchange(created, "POST", "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict");
        await Expect(post.Locator("summary .status")).ToHaveTextAsync("201 Created");
        await Expect(post.Locator("section[aria-label=Response] .start-line")).ToHaveTextAsync("HTTP/1.1 201 Created");
        await Expect(post.Locator("> details")).ToHaveAttributeAsync("open", "");
        await Expect(Page.Locator("details.object-group[data-namespace='demo']")).ToHaveCountAsync(1);

        await TypeAsync("kubectl get ns");
        var listed = Entry(2);
        await Expect(listed.Locator(".terminal-output")).ToContainTextAsync(new Regex(@"\ndemo +Active +0s\n"));
        await Expect(Exchange(listed, "GET", "/api/v1/namespaces?limit=500").Locator("summary .status")).ToHaveTextAsync("200 OK");
        // The latest command's exchanges are open; the earlier command's fold away.
        await Expect(listed.Locator("details.entry-exchanges")).ToHaveAttributeAsync("open", "");
        await Expect(created.Locator("details.entry-exchanges")).Not.ToHaveAttributeAsync("open", "");
        await ScreenshotAsync();
        await AssertAccessibleAsync();
    }

    [Test]
    public async Task CurlReachesTheServerAndShowsItsExchange()
    {
        await OpenSandboxAsync();
        await TypeAsync("curl -s --cacert ca.crt --cert kubernetes-admin.crt --key kubernetes-admin.key ${server}/api/v1/namespaces/default");
        var entry = Entry(1);
        await Expect(entry.Locator(".terminal-output")).ToContainTextAsync("\"kind\":\"Namespace\"");
        var get = Exchange(entry, "GET", "/api/v1/namespaces/default");
        await Expect(get.Locator("summary .status")).ToHaveTextAsync("200 OK");
        await Expect(get.Locator("summary .user")).ToHaveTextAsync("as kubernetes-admin");
        await Expect(get.Locator("section[aria-label=Request] .head")).ToContainTextAsync("User-Agent: curl/");
    }

    [Test]
    public async Task UpAndDownRecallHistoryAndTabCompletes()
    {
        await OpenSandboxAsync();
        await TypeAsync("kubectl get ns");
        await TypeAsync("kubectl version");

        await Input.PressAsync("ArrowUp");
        await Expect(Input).ToHaveValueAsync("kubectl version");
        await Input.PressAsync("ArrowUp");
        await Expect(Input).ToHaveValueAsync("kubectl get ns");
        await Input.PressAsync("ArrowDown");
        await Expect(Input).ToHaveValueAsync("kubectl version");
        await Input.PressAsync("ArrowDown");
        await Expect(Input).ToHaveValueAsync("");

        await Input.FillAsync("kubectl get nod");
        await Input.PressAsync("Tab");
        await Expect(Input).ToHaveValueAsync("kubectl get nodes ");
        await Expect(Input).ToBeFocusedAsync();
        await Input.FillAsync("kubectl get c");
        await Input.PressAsync("Tab");
        await Expect(Page.Locator(".candidates")).ToHaveTextAsync("clusterrolebindings  clusterroles  configmaps");
        await Input.PressAsync("Enter");
        await Expect(Entry(3).Locator(".terminal-output")).ToContainTextAsync("error: the server doesn't have a resource type \"c\"");
    }

    [Test]
    public async Task AnUnsupportedCommandIsExplainedAndNotRun()
    {
        await OpenSandboxAsync();
        await TypeAsync("kubectl gett pods");
        var refused = Entry(1);
        // The caret stands under the word, past the two characters of the prompt.
        await Expect(refused.Locator(".typed-error")).ToHaveTextAsync(new string(' ', 10) + "^\nerror: unknown command 'gett' — did you mean 'get'?\n");
        await Expect(refused.Locator("details.entry-exchanges")).ToHaveCountAsync(0);

        await TypeAsync("ls -l");
        await Expect(Entry(2).Locator(".typed-error")).ToContainTextAsync("error: 'ls' is not a command here: type a kubectl or a curl command");

        // Markup in a command and in what the server answers is text.
        await TypeAsync("kubectl get pods \"<img src=x onerror=alert(1)>\"");
        await Expect(Entry(3).Locator(".terminal-output .stderr")).ToContainTextAsync("pods \"<img src=x onerror=alert(1)>\" not found");
        Assert.That(await Page.Locator("main img").CountAsync(), Is.Zero);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task AWatchStreamsWhileOtherCommandsRunUntilCtrlC()
    {
        await OpenSandboxAsync();
        await TypeAsync("kubectl get pods -w");
        var watch = Entry(1);
        var stop = watch.GetByRole(AriaRole.Button, new() { Name = "Stop" });
        await Expect(stop).ToBeVisibleAsync();

        // The learner types on; the watch's entry grows as the wall clock moves the cluster (the kubelet starts the pod).
        await TypeAsync("kubectl run web --image=nginx");
        await Expect(watch.Locator(".terminal-output")).ToContainTextAsync(new Regex(@"
web +0/1 +Pending +0 +0s
"));
        await Expect(watch.Locator(".terminal-output")).ToContainTextAsync(new Regex(@"
web +1/1 +Running "));
        var stream = watch.Locator("article.exchange").Filter(new() { Has = Page.Locator("summary .target").GetByText(new Regex("&watch=true$")) });
        await Expect(stream.Locator("summary .status")).ToHaveTextAsync("200 OK");

        await Input.PressAsync("Control+c");
        await Expect(stop).ToHaveCountAsync(0);
        await Expect(watch.Locator(".streaming")).ToHaveCountAsync(0);
        await Expect(watch.Locator(".terminal-output")).ToContainTextAsync(new Regex(@"
web +1/1 +Running "));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task TwoBrowsersHaveClustersOfTheirOwn()
    {
        await OpenSandboxAsync();
        await TypeAsync("kubectl create namespace mine");

        var other = await SiteFixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = SiteFixture.BaseUrl });
        try
        {
            var page = await other.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            await page.GotoAsync("/sandbox");
            await Expect(page.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
            var input = page.GetByRole(AriaRole.Textbox, new() { Name = "Command" });
            await input.FillAsync("kubectl get namespace mine");
            await input.PressAsync("Enter");
            await Expect(page.Locator("li.sandbox-entry .terminal-output .stderr"))
                .ToHaveTextAsync("Error from server (NotFound): namespaces \"mine\" not found\n");
            await Expect(page.Locator("details.object-group[data-namespace='mine']")).ToHaveCountAsync(0);
            Assert.That(errors, Is.Empty);
        }
        finally
        {
            await other.CloseAsync();
        }
        await Expect(Page.Locator("details.object-group[data-namespace='mine']")).ToHaveCountAsync(1);
    }
}
