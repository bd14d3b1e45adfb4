using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>The lesson player on the bundled pods-on-the-wire lesson: stepping, going back, deep links, reset.</summary>
public class PlayerTests : BrowserTest
{
    private const string Lesson = "/lessons/pods-on-the-wire";

    /// <summary>Each step of the lesson: its title, its main request and how the server answered it.</summary>
    private static readonly (int Number, string Title, string Method, string Target, string Status)[] Steps =
    [
        (1, "Create a pod from a file", "POST", "/api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict", "201 Created"),
        (2, "List pods", "GET", "/api/v1/namespaces/default/pods?limit=500", "200 OK"),
        (3, "The list itself", "GET", "/api/v1/namespaces/default/pods?limit=500", "200 OK"),
        (4, "One pod is not a list", "GET", "/api/v1/namespaces/default/pods/nginx", "200 OK"),
        (5, "Delete it", "DELETE", "/api/v1/namespaces/default/pods/nginx", "200 OK"),
        (6, "Nothing left", "GET", "/api/v1/namespaces/default/pods?limit=500", "200 OK"),
    ];

    private ILocator StepHeading => Page.Locator("#step-title");
    private ILocator Next => Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Start|Next) →$") });
    private ILocator Back => Page.GetByRole(AriaRole.Button, new() { Name = "← Back" });
    private ILocator Progress => Page.GetByRole(AriaRole.Navigation, new() { Name = "Lesson controls" }).GetByRole(AriaRole.Status);

    /// <summary>The step's own exchange with this request line (not one of the cluster's components).</summary>
    private ILocator Exchange(string method, string target) =>
        Page.Locator("section.exchanges > article.exchange").Filter(new()
        {
            Has = Page.Locator("summary .target").GetByText(target, new() { Exact = true }),
        }).Filter(new() { Has = Page.Locator("summary .method").GetByText(method, new() { Exact = true }) });

    private ILocator ClusterRow(string ns, string resource, string name) =>
        Page.Locator($"details.object-group[data-namespace='{ns}'] tbody tr").Filter(new()
        {
            Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }),
        }).Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = resource, Exact = true }) });

    private async Task ExpectStepAsync(int number)
    {
        var (_, title, method, target, status) = Steps[number - 1];
        await Expect(StepHeading).ToHaveTextAsync($"Step {number} of 6 {title}");
        await Expect(Page).ToHaveURLAsync($"{SiteFixture.BaseUrl}{Lesson}/steps/{number}");
        await Expect(Progress).ToHaveTextAsync($"Step {number} of 6");
        await Expect(Page.Locator(".outline li.current")).ToContainTextAsync(title);

        var exchange = Exchange(method, target);
        await Expect(exchange).ToHaveCountAsync(1);
        await Expect(exchange.Locator("summary .status").First).ToHaveTextAsync(status);
        // How long the simulated API server took, with what that measures.
        var timing = exchange.Locator("summary .timing").First;
        await Expect(timing).ToHaveTextAsync(new Regex(@"^answered in \d+(\.\d+)? (ms|s)$"));
        await Expect(timing).ToHaveAttributeAsync("title", new Regex("kubectl -v=6"));
        // Request and response as they crossed the wire.
        await Expect(exchange.Locator("section[aria-label=Request] .start-line")).ToHaveTextAsync($"{method} {target} HTTP/1.1");
        await Expect(exchange.Locator("section[aria-label=Response] .start-line")).ToHaveTextAsync($"HTTP/1.1 {status}");
        await Expect(exchange.Locator("section[aria-label=Request] .head")).ToContainTextAsync("User-Agent: kubectl/v1.33");
        // The pipeline: authenticated, authorized, and answered from storage.
        var pipeline = exchange.GetByRole(AriaRole.List, new() { Name = "Pipeline" });
        await Expect(pipeline.Locator("[data-stage=authentication]")).ToHaveAttributeAsync("data-state", "passed");
        await Expect(pipeline.Locator("[data-stage=authorization]")).ToHaveAttributeAsync("data-state", "passed");
        await Expect(pipeline.Locator("[data-stage=storage]")).ToHaveAttributeAsync("data-state", "answered");
        await Expect(pipeline.Locator("[data-stage=admission]"))
            .ToHaveAttributeAsync("data-state", method is "GET" ? "not-involved" : "passed");
    }

    [Test]
    public async Task StepsThroughTheWholeLessonForwardAndBack()
    {
        await OpenAsync(Lesson);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Before you start" })).ToBeVisibleAsync();
        await Expect(Back).ToBeDisabledAsync();
        await Expect(ClusterRow("default", "serviceaccounts", "default")).ToHaveCountAsync(1);
        await Expect(ClusterRow("default", "pods", "nginx")).ToHaveCountAsync(0);

        // Step 1: the POST, its JSON bodies, the terminal, what changed in the cluster.
        await Next.ClickAsync();
        await ExpectStepAsync(1);
        var post = Exchange(Steps[0].Method, Steps[0].Target);
        await Expect(post.Locator("section[aria-label=Request] .head")).ToContainTextAsync("Content-Type: application/json");
        await Expect(post.Locator("section[aria-label=Response] .json-key", new() { HasTextString = "phase" })).ToBeVisibleAsync();
        await Expect(post.Locator("section[aria-label=Response] .json-leaf", new() { HasTextString = "phase" })).ToContainTextAsync("\"Pending\"");
        await Expect(Page.Locator(".terminal pre")).ToHaveTextAsync("$ kubectl create -f nginx.yaml\npod/nginx created\n");
        await Expect(ClusterRow("default", "pods", "nginx")).ToHaveClassAsync("change-added");
        await Expect(Page.Locator(".diff")).ToContainTextAsync("created Pod default/pods/nginx");
        await ScreenshotAsync("step-1");

        // Steps 2 to 6, with the arrow key for some of them: a key does what the button does.
        for (var number = 2; number <= 6; number++)
        {
            if (number % 2 == 0) await Page.Keyboard.PressAsync("ArrowRight");
            else await Next.ClickAsync();
            await ExpectStepAsync(number);
            if (number == 5)
            {
                var watch = Page.Locator("section.exchanges > article.exchange", new() { HasTextString = "watch=true" });
                await Expect(watch.Locator(".events > li > details > summary")).ToHaveTextAsync([new Regex("^MODIFIED Pod nginx"), new Regex("^DELETED Pod nginx")]);
                await Expect(watch.Locator("summary .timing")).ToHaveTextAsync(new Regex(@"^answered in \d+(\.\d+)? ms, (open for \d+(\.\d)? (ms|s)|still open)$"));
                await Expect(ClusterRow("default", "pods", "nginx")).ToHaveClassAsync("change-deleted");
            }
        }
        await Expect(Next).ToBeDisabledAsync();
        await Expect(Page.Locator(".terminal .stderr")).ToHaveTextAsync("No resources found in default namespace.\n");
        await Expect(ClusterRow("default", "pods", "nginx")).ToHaveCountAsync(0);

        // Back, one step at a time: the cluster returns to each step's state (the pod is there again at step 4).
        for (var number = 5; number >= 1; number--)
        {
            if (number % 2 == 0) await Page.Keyboard.PressAsync("ArrowLeft");
            else await Back.ClickAsync();
            await ExpectStepAsync(number);
            if (number is >= 1 and <= 4) await Expect(ClusterRow("default", "pods", "nginx")).ToHaveCountAsync(1);
        }
        await Back.ClickAsync();
        await Expect(Page).ToHaveURLAsync(SiteFixture.BaseUrl + Lesson);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Before you start" })).ToBeVisibleAsync();
        await Expect(ClusterRow("default", "pods", "nginx")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task ADeepLinkOpensThatStep()
    {
        await OpenAsync(Lesson + "/steps/4");
        await ExpectStepAsync(4);
        await Expect(Page.Locator(".narration")).ToContainTextAsync("answers a Pod, not a PodList");
        // Steps 1 to 3 ran before it, on this learner's cluster.
        await Expect(Page.Locator(".outline li.passed")).ToHaveCountAsync(4);
        await Expect(ClusterRow("default", "pods", "nginx")).ToHaveCountAsync(1);
        await AssertAccessibleAsync();
    }

    [Test]
    public async Task AStepThatDoesNotExistIsSaidPlainly()
    {
        await OpenAsync(Lesson + "/steps/9");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This lesson has 6 steps: there is no step 9.");
        await OpenAsync("/lessons/no-such-lesson");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No such lesson");
    }

    [Test]
    public async Task RunToEndThenResetStartsAgainOnAFreshCluster()
    {
        await OpenAsync(Lesson + "/steps/1");
        await ExpectStepAsync(1);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Run to end" }).ClickAsync();
        await ExpectStepAsync(6);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SiteFixture.BaseUrl + Lesson);
        await Expect(Progress).ToHaveTextAsync("Not started");
        await Expect(ClusterRow("default", "pods", "nginx")).ToHaveCountAsync(0);

        // The Home key resets too.
        await Page.Keyboard.PressAsync("ArrowRight");
        await ExpectStepAsync(1);
        await Page.Keyboard.PressAsync("Home");
        await Expect(Progress).ToHaveTextAsync("Not started");
    }

    [Test]
    public async Task TheClustersOwnRequestsAreFoldedApart()
    {
        await OpenAsync(Lesson + "/steps/1");
        var internals = Page.Locator("details.internal");
        await Expect(internals).ToHaveCountAsync(1);
        await Expect(internals).Not.ToHaveAttributeAsync("open", "");
        await Expect(internals.Locator("> summary")).ToContainTextAsync("system:kube-scheduler");
        await internals.Locator("> summary").ClickAsync();
        var binding = internals.Locator("article.exchange", new() { HasTextString = "/api/v1/namespaces/default/pods/nginx/binding" });
        await Expect(binding.Locator("summary .user")).ToHaveTextAsync("as system:kube-scheduler");
        // Discovery is folded too; the step's main request is open.
        await Expect(Exchange("GET", "/api?timeout=32s").Locator("> details")).Not.ToHaveAttributeAsync("open", "");
        await Expect(Exchange(Steps[0].Method, Steps[0].Target).Locator("> details")).ToHaveAttributeAsync("open", "");
    }

    [Test]
    public async Task AStepThatFailsItsCheckSaysSoPlainly()
    {
        await OpenAsync("/lessons/a-check-that-fails/steps/1");
        await Expect(Page.Locator(".step-failed")).ToHaveCountAsync(0);
        await Next.ClickAsync();
        var failure = Page.Locator(".step-failed");
        await Expect(failure).ToHaveAttributeAsync("role", "alert");
        await Expect(failure).ToContainTextAsync("This step did not go as the lesson expects.");
        await Expect(failure.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Expected stdout equals \"settings\", but it was \"\"."]);
        await Expect(Page.Locator(".outline li.failed")).ToContainTextAsync("Look for a pod (did not go as expected)");
        await Expect(Page.Locator(".outline li.passed")).ToContainTextAsync("Make a config map");
    }
}
