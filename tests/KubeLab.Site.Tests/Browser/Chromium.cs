using Microsoft.Playwright;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// The browser the site is driven with: Debian's chromium unless <c>KUBELAB_CHROMIUM</c> names another executable,
/// or is <c>playwright</c> for Playwright's own downloaded browsers (on a machine that can download them:
/// <c>pwsh bin/.../playwright.ps1 install chromium</c>). Headless, with the arguments this machine needs. Shared by
/// the browser tests and the site benchmark (linked into tests/KubeLab.Site.Benchmarks).
/// </summary>
internal static class Chromium
{
    public const string Variable = "KUBELAB_CHROMIUM";
    public const string Default = "/usr/bin/chromium";

    private static string Executable => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set ? set : Default;

    /// <summary>Why the browser cannot start, or null when it can.</summary>
    public static string? Missing() => Executable != "playwright" && !File.Exists(Executable)
        ? $"no browser at {Executable}: run scripts/test-prerequisites.sh (Debian's chromium), or set {Variable}"
        : null;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        Headless = true,
        ExecutablePath = Executable == "playwright" ? null : Executable,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync",
        ],
    });
}
