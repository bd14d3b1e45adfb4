using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// The catalog, the player and the sandbox on a projector (1280×720) and laptop screens (1366×768, 1440×900), in
/// normal and presenter mode: the page never scrolls sideways, and in presenter mode the step controls and the
/// current exchange's status line are in view without scrolling. Screenshots at 1280×720 of each page and mode.
/// </summary>
public class ScreenSizeTests : BrowserTest
{
    private static readonly (int Width, int Height)[] Screens = [(1280, 720), (1366, 768), (1440, 900)];

    /// <summary>Checks each screen size, and ends at 1280×720 for the screenshot the test leaves.</summary>
    private async Task ExpectNoSidewaysScrollingAsync(string page)
    {
        foreach (var (width, height) in Screens)
        {
            await Page.SetViewportSizeAsync(width, height);
            // The innermost elements reaching past the right edge, named for the failure message.
            var overflowing = await Page.EvaluateAsync<string[]>("""
                () => {
                  const edge = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= edge) return [];
                  return [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > edge + 0.5).slice(-5)
                    .map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}px of ${edge}`);
                }
                """);
            Assert.That(overflowing, Is.Empty, $"{page} at {width}×{height} scrolls sideways");
        }
        await Page.SetViewportSizeAsync(1280, 720);
    }

    /// <summary>Opens a page at 1280×720, in normal or presenter mode.</summary>
    private async Task OpenOnAProjectorAsync(string mode, string path)
    {
        await Page.PresetAsync("system", presenter: mode == "presenter");
        await Page.SetViewportSizeAsync(1280, 720);
        await OpenAsync(path);
    }

    private async Task ExpectInViewWithoutScrollingAsync(ILocator element)
    {
        Assert.That(await Page.EvaluateAsync<double>("() => window.scrollY"), Is.Zero, "the page has not scrolled");
        await Expect(element).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    [TestCase("normal")]
    [TestCase("presenter")]
    public async Task TheCatalogFits(string mode)
    {
        await OpenOnAProjectorAsync(mode, "/");
        await Expect(Page.Locator("ul.lessons > li").First).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync("the catalog");
    }

    [TestCase("normal")]
    [TestCase("presenter")]
    public async Task ThePlayerFits(string mode)
    {
        await OpenOnAProjectorAsync(mode, "/lessons/pods-on-the-wire/steps/1");
        var controls = Page.GetByRole(AriaRole.Navigation, new() { Name = "Lesson controls" });
        await Expect(controls.GetByRole(AriaRole.Status)).ToHaveTextAsync("Step 1 of 6");
        if (mode == "presenter")
        {
            await ExpectInViewWithoutScrollingAsync(controls);
            await Page.Keyboard.PressAsync("2");
            var main = Page.Locator("section.exchanges > article.exchange").First;
            await Expect(main.Locator("summary .status")).ToHaveTextAsync("201 Created");
            await ExpectInViewWithoutScrollingAsync(controls);
            await ExpectInViewWithoutScrollingAsync(main.Locator("> details > summary"));
        }
        await ExpectNoSidewaysScrollingAsync("the player");
    }

    [TestCase("normal")]
    [TestCase("presenter")]
    public async Task TheSandboxFits(string mode)
    {
        await OpenOnAProjectorAsync(mode, "/sandbox");
        var input = Page.GetByRole(AriaRole.Textbox, new() { Name = "Command" });
        await input.FillAsync("kubectl get namespaces");
        await input.PressAsync("Enter");
        var entry = Page.Locator("li.sandbox-entry[data-entry='1']");
        await Expect(entry.Locator(".terminal-output")).ToContainTextAsync("kube-system");
        await Expect(entry.Locator("article.exchange summary .timing").First).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync("the sandbox");
    }
}
