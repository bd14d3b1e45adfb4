using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// Light and dark follow the system's preference unless the learner chooses one in the header; the choice is
/// remembered and applied before the first paint; both stay readable (axe-core checks contrast).
/// </summary>
public class ThemeTests : BrowserTest
{
    private const string LightBackground = "rgb(251, 251, 248)";
    private const string DarkBackground = "rgb(21, 24, 28)";

    private ILocator ThemeButton(string name) =>
        Page.GetByRole(AriaRole.Group, new() { Name = "Theme" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [TestCase(ColorScheme.Light, LightBackground)]
    [TestCase(ColorScheme.Dark, DarkBackground)]
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

    [Test]
    public async Task AChosenThemeOverridesTheSystemsAndIsRememberedFromTheFirstPaint()
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await Page.WatchFirstPaintAsync();
        await OpenAsync("/");
        await Expect(ThemeButton("System")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);

        await ThemeButton("Light").ClickAsync();
        await Expect(ThemeButton("Light")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(ThemeButton("System")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);

        // Another page, then a reload: light from the first paint, on a system that prefers dark.
        await OpenAsync("/sandbox");
        await Page.ReloadAsync();
        Assert.That(await Page.AtFirstPaintAsync(), Is.EqualTo(("light", false)));
        await Expect(Page.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
        await Expect(ThemeButton("Light")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
        await AssertAccessibleAsync();

        // Dark, then back to the system's: which follows the system again when it changes.
        await ThemeButton("Dark").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await ThemeButton("System").ClickAsync();
        await Expect(Page.Locator("html")).Not.ToHaveAttributeAsync("data-theme", new Regex("."));
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
        await Page.ReloadAsync();
        Assert.That(await Page.AtFirstPaintAsync(), Is.EqualTo(((string?)null, false)));
    }

    [TestCase("dark", ColorScheme.Light, DarkBackground)]
    [TestCase("light", ColorScheme.Dark, LightBackground)]
    public async Task AChosenThemeShowsTheExchangesReadably(string theme, ColorScheme system, string background)
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = system });
        await Page.PresetAsync(theme, presenter: false);
        await OpenAsync("/lessons/escaping-on-the-page/steps/4");
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", background);
        await Expect(Page.Locator("[data-state=refused]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync();
    }
}
