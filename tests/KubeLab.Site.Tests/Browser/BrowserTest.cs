using System.Text.Json;
using System.Text.RegularExpressions;
using KubeLab.Testing;
using Microsoft.Playwright;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// A test in a fresh browser context of its own. Whatever the page reports — a console error, an uncaught
/// exception, a dialog (an <c>alert</c> that script injection would open) — fails the test. Each test leaves
/// a full-page screenshot under <c>TestResults/site-screenshots/</c> at the repository root (also attached
/// to the test result).
/// </summary>
public abstract class BrowserTest
{
    private IBrowserContext? _context;
    private readonly List<string> _problems = [];
    private readonly List<string> _expected = [];

    protected IPage Page { get; private set; } = null!;

    public static string ScreenshotFolder => Path.Combine(RepositoryRoot.Path, "TestResults", "site-screenshots");

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        _problems.Clear();
        _expected.Clear();
        _context = await SiteFixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = SiteFixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Add($"console error: {message.Text}");
        };
        Page.PageError += (_, error) => _problems.Add($"uncaught error: {error}");
        Page.Dialog += async (_, dialog) =>
        {
            _problems.Add($"a {dialog.Type} dialog opened: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    [TearDown]
    public async Task CloseBrowserAsync()
    {
        try
        {
            await ScreenshotAsync();
        }
        finally
        {
            if (_context is not null) await _context.CloseAsync();
        }
        Assert.That(_problems.Where(p => !_expected.Any(p.Contains)), Is.Empty, "the page reported problems");
    }

    /// <summary>A console message the test causes on purpose (a page answered with an error status) is not a problem.</summary>
    protected void ExpectConsoleError(string text) => _expected.Add(text);

    /// <summary>Opens a page of the site and waits until its circuit is live (a click before that is lost).</summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.Locator(".app")).ToHaveAttributeAsync("data-circuit", "ready");
    }

    /// <summary>A full-page screenshot named after the test (and <paramref name="moment"/>, for several in one test).</summary>
    protected async Task ScreenshotAsync(string? moment = null)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var name = Regex.Replace(TestContext.CurrentContext.Test.Name, "[^A-Za-z0-9_.-]+", "-") + (moment is null ? "" : "-" + moment);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path);
    }

    /// <summary>Runs axe-core on the page as it is now and fails on any serious or critical violation.</summary>
    protected async Task AssertAccessibleAsync()
    {
        await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = await AxeCore.PathAsync() });
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
            """);
        var serious = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact")} {v.GetProperty("id")}: {v.GetProperty("help")} at {v.GetProperty("nodes")}")
            .ToList();
        Assert.That(serious, Is.Empty, $"axe-core found serious accessibility problems on {Page.Url}");
    }
}
