using Microsoft.Playwright;

namespace KubeLab.Site.Benchmarks;

/// <summary>
/// Times, inside the page, from a learner's action to the page showing its outcome. Armed before the action: a
/// capturing listener notes <c>performance.now()</c> when the browser dispatches the event (<c>click</c>, or the form's
/// <c>submit</c>), then a MutationObserver checks after every DOM change whether the outcome is there — an element
/// matching a selector whose text matches a pattern. Blazor applies a render batch to the DOM in one task, so the
/// observer fires once the batch that shows the outcome is in. What Playwright itself costs (finding the button,
/// its protocol round trips) is outside the interval; layout and paint are too (the DOM is what was asked for).
/// </summary>
internal static class InPageTiming
{
    private const string ArmScript = """
        ([event, selector, pattern, timeout]) => {
          const outcome = new RegExp(pattern);
          const shown = () => [...document.querySelectorAll(selector)].some(e => outcome.test(e.textContent));
          window.__kubelabTiming = new Promise((resolve, reject) => {
            document.addEventListener(event, () => {
              const start = performance.now();
              const observer = new MutationObserver(() => {
                if (!shown()) return;
                observer.disconnect();
                clearTimeout(timer);
                resolve(performance.now() - start);
              });
              const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`no ${selector} matching /${pattern}/ within ${timeout} ms`)); }, timeout);
              observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            }, { capture: true, once: true });
          });
        }
        """;

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="act"/> and returns the milliseconds from its <paramref name="domEvent"/> to an element
    /// matching <paramref name="selector"/> whose text matches <paramref name="pattern"/> (a JavaScript regex).
    /// </summary>
    public static async Task<double> MeasureAsync(IPage page, string domEvent, string selector, string pattern, Func<Task> act)
    {
        await page.EvaluateAsync(ArmScript, new object[] { domEvent, selector, pattern, Timeout.TotalMilliseconds });
        await act();
        return await page.EvaluateAsync<double>("() => window.__kubelabTiming");
    }
}
