using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>Light and dark follow the system's preference, and both stay readable (axe-core checks contrast).</summary>
public class ThemeTests : BrowserTest
{
    [TestCase(ColorScheme.Light, "rgb(251, 251, 248)")]
    [TestCase(ColorScheme.Dark, "rgb(21, 24, 28)")]
    public async Task ThePlayerFollowsTheSystemColorScheme(ColorScheme scheme, string background)
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
        await OpenAsync("/lessons/escaping-on-the-page/steps/4");
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", background);
        // A step with stages passed, refused and not reached, and an error status.
        await Expect(Page.Locator("[data-state=refused]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync();
    }

    [TestCase(ColorScheme.Dark)]
    public async Task TheCatalogFollowsTheSystemColorScheme(ColorScheme scheme)
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
        await OpenAsync("/");
        await Page.GetByRole(AriaRole.Button, new() { Name = "basics", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "basics", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertAccessibleAsync();
    }
}
