using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KubeLab.Site.Benchmarks;

/// <summary>
/// What a learner does on one browser page — open a lesson, a sandbox or the catalog, click, type — each waited for
/// until the page shows its outcome; the timed ones return milliseconds (<see cref="InPageTiming"/>). Every page has
/// its own circuit, and on a lesson or sandbox page its own session and cluster.
/// </summary>
internal sealed class Learner(IPage page)
{
    /// <summary>The page is interactive (a click before the circuit is attached is lost).</summary>
    private const string Live = ".app[data-circuit=ready]";
    private const string PlayerIdle = ".player-main[aria-busy=false]";
    private const string TerminalIdle = "section.sandbox-terminal[aria-busy=false]";
    private static readonly PageWaitForSelectorOptions Patient = new() { Timeout = (float)InPageTiming.Timeout.TotalMilliseconds };

    public IPage Page => page;

    /// <summary>Opens a lesson at a step (0: its introduction), run up to there on a cluster of this page's own.</summary>
    public async Task OpenLessonAsync(string id, int step)
    {
        await page.GotoAsync(step == 0 ? $"/lessons/{id}" : $"/lessons/{id}/steps/{step}");
        await page.WaitForSelectorAsync($"{Live} {PlayerIdle}", Patient);
        if (step > 0) await page.WaitForSelectorAsync($"{Live} {PlayerIdle} #step-title >> text=/^Step {step} of /", Patient);
    }

    /// <summary>Clicks Next (Start at the introduction) and times it until step <paramref name="step"/> and its exchanges are shown.</summary>
    public Task<double> NextAsync(int step) =>
        InPageTiming.MeasureAsync(page, "click", $"{PlayerIdle}:has(section.exchanges) #step-title", $"^Step {step} of ",
            () => page.ClickAsync("button[data-shortcut=next]"));

    public async Task OpenCatalogAsync()
    {
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync($"{Live} .tags button", Patient);
    }

    public async Task<IReadOnlyList<string>> TagsAsync() => (await page.Locator(".tags button").AllTextContentsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>Clicks a tag of the catalog's filter (a round trip that only re-renders) and times it until the tag shows pressed.</summary>
    public Task<double> FilterAsync(string tag) =>
        InPageTiming.MeasureAsync(page, "click", ".tags button[aria-pressed=true]", $"^{Regex.Escape(tag)}$",
            () => page.Locator(".tags button").GetByText(tag, new() { Exact = true }).ClickAsync());

    public async Task OpenSandboxAsync()
    {
        await page.GotoAsync("/sandbox");
        await page.WaitForSelectorAsync($"{Live} {TerminalIdle} #sandbox-command", Patient);
    }

    /// <summary>
    /// Types a line into the sandbox and presses Enter, timed from the form's submit until it is entry
    /// <paramref name="entry"/> of the scrollback; returns the milliseconds and what the terminal printed.
    /// </summary>
    public async Task<(double Milliseconds, string Output)> RunAsync(string line, int entry)
    {
        var input = page.Locator("#sandbox-command");
        await input.FillAsync(line);
        var output = $"{TerminalIdle} li.sandbox-entry[data-entry='{entry}'] .terminal-output";
        var milliseconds = await InPageTiming.MeasureAsync(page, "submit", output, "^\\$ ", () => input.PressAsync("Enter"));
        return (milliseconds, await page.Locator(output).TextContentAsync() ?? "");
    }

    /// <summary>
    /// Leaves the page the way a browser tab closes: the unload sends Blazor's disconnect beacon, so the server
    /// disposes the circuit (and the session) at once instead of keeping it for a reconnection.
    /// </summary>
    public async Task LeaveAsync()
    {
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
    }
}
