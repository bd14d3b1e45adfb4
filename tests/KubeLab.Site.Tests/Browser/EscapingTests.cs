using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// The test-only lesson escaping-on-the-page writes markup into its title, summary, narration and objects:
/// all of it must reach the page as text. (A dialog — what <c>onerror=alert(1)</c> would open — fails any test.)
/// Its later steps are refused at authentication, authorization and storage: the pipeline says where.
/// </summary>
public class EscapingTests : BrowserTest
{
    private const string Lesson = "/lessons/escaping-on-the-page";
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Test]
    public async Task MarkupInTheLessonAndItsObjectsIsText()
    {
        await OpenAsync(Lesson + "/steps/1");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Escaping <b>on</b> the page");
        await Expect(Page.Locator("#step-title")).ToHaveTextAsync("Step 1 of 4 An annotation full of <i>markup</i>");
        await Expect(Page.Locator(".narration code")).ToHaveTextAsync(Markup);

        var post = Page.Locator("section.exchanges > article.exchange", new() { HasTextString = "POST" });
        await Expect(post.Locator("section[aria-label=Response] .json-leaf", new() { HasTextRegex = new Regex("^note:") })).ToHaveTextAsync($"note: \"{Markup}\"");
        await Page.Locator(".diff summary", new() { HasTextString = "pods/hostile" }).ClickAsync();
        await Expect(Page.Locator(".diff .json-leaf", new() { HasTextRegex = new Regex("^note:") })).ToHaveTextAsync($"note: \"{Markup}\"");

        Assert.That(await Page.Locator("img, h1 b, h2 i").CountAsync(), Is.Zero, "markup from the lesson became elements");
        await OpenAsync("/");
        await Expect(Page.GetByText("such as <script>alert(1)</script>, and")).ToBeVisibleAsync();
        Assert.That(await Page.Locator("main script").CountAsync(), Is.Zero);
    }

    [TestCase(2, "authentication", "401 Unauthorized", "rejected by union")]
    [TestCase(3, "authorization", "403 Forbidden", "denied by union")]
    [TestCase(4, "storage", "409 Conflict", "refused: key exists (create /registry/pods/default/hostile)")]
    public async Task TheStageThatRefusedARequestLightsUp(int step, string stage, string status, string decision)
    {
        await OpenAsync($"{Lesson}/steps/{step}");
        var refused = Page.Locator("section.exchanges > article.exchange", new() { HasTextString = status });
        await Expect(refused.Locator("summary .status")).ToHaveTextAsync(status);
        var pipeline = refused.GetByRole(AriaRole.List, new() { Name = "Pipeline" });
        await Expect(pipeline.Locator("[data-state=refused]")).ToHaveAttributeAsync("data-stage", stage);
        await Expect(pipeline.Locator("[data-state=refused] .stage-decision")).ToHaveTextAsync(decision);
        // Nothing after the refusal ran: storage was not reached (admission is not involved in a read at all).
        foreach (var later in await pipeline.Locator("[data-state=refused] ~ li").AllAsync())
            await Expect(later).ToHaveAttributeAsync("data-state", new Regex("^not-(reached|involved)$"));
        if (stage != "storage") await Expect(pipeline.Locator("[data-stage=storage]")).ToHaveAttributeAsync("data-state", "not-reached");
        // The refusal is what the lesson expects: the step itself went as planned.
        await Expect(Page.Locator(".step-failed")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }
}
