using Microsoft.Playwright;

namespace KubeLab.Site.Tests.Browser;

/// <summary>The display preferences a page starts with and what it showed before its first paint.</summary>
internal static class DisplaySettings
{
    /// <summary>
    /// Stores the preferences as the header's controls would, before any page of the context loads (js/display.js
    /// then applies them in &lt;head&gt;). For a test of how a page looks, not of the controls.
    /// </summary>
    public static Task PresetAsync(this IPage page, string theme, bool presenter) => page.Context.AddInitScriptAsync($$"""
        localStorage.setItem('kubelab.theme', '{{theme}}');
        localStorage.setItem('kubelab.presenter', '{{(presenter ? "on" : "off")}}');
        """);

    /// <summary>
    /// Records, on every load, the &lt;html&gt; attributes at the moment &lt;body&gt; is first parsed: nothing can be
    /// painted before, so what is set then is set before the first paint. Read with <see cref="AtFirstPaintAsync"/>.
    /// </summary>
    public static Task WatchFirstPaintAsync(this IPage page) => page.Context.AddInitScriptAsync("""
        new MutationObserver((_, observer) => {
          if (!document.body) return;
          const html = document.documentElement;
          window.__atBody = { theme: html.getAttribute('data-theme'), presenter: html.hasAttribute('data-presenter') };
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        """);

    public static async Task<(string? Theme, bool Presenter)> AtFirstPaintAsync(this IPage page)
    {
        var seen = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__atBody");
        var theme = seen.GetProperty("theme");
        return (theme.ValueKind == System.Text.Json.JsonValueKind.Null ? null : theme.GetString(), seen.GetProperty("presenter").GetBoolean());
    }
}
