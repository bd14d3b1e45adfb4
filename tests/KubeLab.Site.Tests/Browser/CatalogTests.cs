using KubeLab.Scenarios.Catalog;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

public class CatalogTests : BrowserTest
{
    private ILocator Cards => Page.GetByRole(AriaRole.List, new() { Name = "Lessons" }).Locator("> li");

    private ILocator Card(string title) => Cards.Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    [Test]
    public async Task ListsEveryLessonOfTheFolderWithItsFacts()
    {
        await OpenAsync("/");
        var lessons = LessonCatalog.Load(SiteFixture.LessonsFolder).Lessons.Select(l => l.Scenario!.Metadata).ToList();
        Assert.That(lessons.Select(l => l.Id), Does.Contain("pods-on-the-wire").And.Contain("escaping-on-the-page"));

        await Expect(Cards).ToHaveCountAsync(lessons.Count);
        foreach (var lesson in lessons)
            await Expect(Card(lesson.Title)).ToContainTextAsync(lesson.Summary);

        var pods = Card("Pods on the wire");
        await Expect(pods.Locator("dt:text-is('Level') + dd")).ToHaveTextAsync("beginner");
        await Expect(pods.Locator("dt:text-is('Time') + dd")).ToHaveTextAsync("8 min");
        await Expect(pods.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["pods", "http", "basics"]);
        await Expect(pods.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "lessons/pods-on-the-wire");
        await AssertAccessibleAsync();
    }

    [Test]
    public async Task FiltersByWordsAndByTag()
    {
        await OpenAsync("/");
        var search = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Find" });

        // Other lessons may match too: these words tell the two known ones apart.
        await search.FillAsync("DELETE answers");
        await Expect(Card("Pods on the wire")).ToBeVisibleAsync();
        await Expect(Card("Escaping <b>on</b> the page")).ToHaveCountAsync(0);

        await search.FillAsync("refused AUTHORIZATION");
        await Expect(Card("Escaping <b>on</b> the page")).ToBeVisibleAsync();
        await Expect(Card("Pods on the wire")).ToHaveCountAsync(0);

        await search.FillAsync("no lesson says this");
        await Expect(Cards).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("No lesson matches.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show all" }).ClickAsync();
        await Expect(search).ToHaveValueAsync("");

        await Page.GetByRole(AriaRole.Button, new() { Name = "security", Exact = true }).ClickAsync();
        await Expect(Card("Escaping <b>on</b> the page")).ToBeVisibleAsync();
        await Expect(Card("Pods on the wire")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "security", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        await Page.GetByRole(AriaRole.Button, new() { Name = "basics", Exact = true }).ClickAsync();
        await Expect(Card("Pods on the wire")).ToBeVisibleAsync();
        await Expect(Card("Escaping <b>on</b> the page")).ToHaveCountAsync(0);

        // A tag and words together: both must hold.
        await search.FillAsync("refused");
        await Expect(Card("Pods on the wire")).ToHaveCountAsync(0);
        await search.FillAsync("DELETE");
        await Expect(Card("Pods on the wire")).ToBeVisibleAsync();
    }

    [Test]
    public async Task ALessonCardLeadsToItsPlayer()
    {
        await OpenAsync("/");
        await Card("Pods on the wire").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SiteFixture.BaseUrl + "/lessons/pods-on-the-wire");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pods on the wire");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Before you start" })).ToBeVisibleAsync();
    }
}
