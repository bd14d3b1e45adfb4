using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// Presenter mode, for a projector: a header toggle and the P key, remembered from the first paint; large type;
/// in the player one pane at a time, chosen with buttons or 1, 2, 3, while the step controls and ← → still work.
/// </summary>
public class PresenterTests : BrowserTest
{
    private const string Lesson = "/lessons/pods-on-the-wire";

    private ILocator Toggle => Page.GetByRole(AriaRole.Button, new() { Name = "Presenter mode" });
    private ILocator PaneButton(string name) =>
        Page.GetByRole(AriaRole.Group, new() { Name = "Pane shown" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
    private ILocator Progress => Page.GetByRole(AriaRole.Navigation, new() { Name = "Lesson controls" }).GetByRole(AriaRole.Status);

    [Test]
    public async Task TheHeaderButtonAndPTurnItOnAndOffAndItIsRemembered()
    {
        await Page.WatchFirstPaintAsync();
        await OpenAsync("/");
        await Expect(Toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var normalSize = await Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

        await Toggle.ClickAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-presenter", "");
        var presenterSize = await Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.That(presenterSize, Is.GreaterThanOrEqualTo(normalSize * 1.2), "large type");

        // Typing a p in a field types it.
        var find = Page.GetByRole(AriaRole.Searchbox);
        await find.FillAsync("");
        await find.PressSequentiallyAsync("pods");
        await Expect(find).ToHaveValueAsync("pods");
        await Expect(Toggle).ToHaveAttributeAsync("aria-pressed", "true");

        // Remembered on another page and after a reload, from the first paint.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Sandbox" }).ClickAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Page.ReloadAsync();
        Assert.That(await Page.AtFirstPaintAsync(), Is.EqualTo(((string?)null, true)));
        await Expect(Page.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
        await Expect(Toggle).ToHaveAttributeAsync("aria-pressed", "true");

        // P, outside a field, turns it off (and is remembered too).
        await Page.Locator("h1").ClickAsync();
        await Page.Keyboard.PressAsync("p");
        await Expect(Toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Page.Locator("html")).Not.ToHaveAttributeAsync("data-presenter", "");
        await Page.ReloadAsync();
        Assert.That(await Page.AtFirstPaintAsync(), Is.EqualTo(((string?)null, false)));
    }

    [Test]
    public async Task ThePlayerShowsOnePaneAtATime()
    {
        await Page.PresetAsync("system", presenter: true);
        await OpenAsync(Lesson + "/steps/1");
        var narration = Page.Locator("#pane-narration");
        var exchanges = Page.Locator("#pane-exchanges");
        var cluster = Page.Locator("#pane-cluster");
        await Expect(Page.Locator("#step-title")).ToContainTextAsync("Create a pod from a file");
        await Expect(PaneButton("Narration")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(narration).ToBeVisibleAsync();
        await Expect(exchanges).ToBeHiddenAsync();
        await Expect(cluster).ToBeHiddenAsync();
        await Expect(Page.Locator(".outline")).ToBeHiddenAsync();

        // 2: on the wire, the step's main request first (before discovery), its status in view.
        await Page.Keyboard.PressAsync("2");
        await Expect(PaneButton("On the wire")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(exchanges).ToBeVisibleAsync();
        await Expect(narration).ToBeHiddenAsync();
        var first = exchanges.Locator("section.exchanges > article.exchange").First;
        await Expect(first.Locator("summary .method")).ToHaveTextAsync("POST");
        await Expect(first.Locator("summary .status")).ToHaveTextAsync("201 Created");
        await Expect(first.Locator("summary .timing")).ToHaveTextAsync(new Regex(@"^answered in \d+(\.\d+)? (ms|s)$"));

        // → still steps, and the pane stays chosen.
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Progress).ToHaveTextAsync("Step 2 of 6");
        await Expect(exchanges).ToBeVisibleAsync();
        await Expect(first.Locator("summary .target")).ToHaveTextAsync("/api/v1/namespaces/default/pods?limit=500");

        // The cluster pane, by its button; 1 back to the narration.
        await PaneButton("Cluster").ClickAsync();
        await Expect(cluster).ToBeVisibleAsync();
        await Expect(exchanges).ToBeHiddenAsync();
        await Expect(cluster.Locator("details.object-group[data-namespace='default']")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("1");
        await Expect(narration).ToBeVisibleAsync();
        await Expect(Page.Locator("#step-title")).ToContainTextAsync("List pods");
        await Page.GetByRole(AriaRole.Button, new() { Name = "← Back" }).ClickAsync();
        await Expect(Progress).ToHaveTextAsync("Step 1 of 6");
    }

    [TestCase("light")]
    [TestCase("dark")]
    public async Task EveryPageIsAccessibleInPresenterMode(string theme)
    {
        await Page.PresetAsync(theme, presenter: true);
        await OpenAsync("/");
        await Expect(Page.Locator("ul.lessons > li").First).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        // A step with stages passed, refused and not reached, and an error status: each pane in turn.
        await OpenAsync("/lessons/escaping-on-the-page/steps/4");
        await Expect(Page.Locator("#step-title")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        foreach (var pane in new[] { "On the wire", "Cluster" })
        {
            await PaneButton(pane).ClickAsync();
            await Expect(PaneButton(pane)).ToHaveAttributeAsync("aria-pressed", "true");
            await AssertAccessibleAsync();
        }
        await Expect(Page.Locator("[data-state=refused]")).ToHaveCountAsync(1);

        await OpenAsync("/sandbox");
        var input = Page.GetByRole(AriaRole.Textbox, new() { Name = "Command" });
        await input.FillAsync("kubectl get pods -n nowhere");
        await input.PressAsync("Enter");
        await Expect(Page.Locator("li.sandbox-entry")).ToHaveCountAsync(1);
        await AssertAccessibleAsync();
    }
}
