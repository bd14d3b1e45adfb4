using KubeLab.Testing;
using Microsoft.Playwright;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// One site and one browser for the whole suite (each test gets a fresh browser context). The site serves the
/// bundled lessons of this checkout and the test-only lessons under Lessons/. The browser is Debian's chromium
/// unless <c>KUBELAB_CHROMIUM</c> names another executable, or is <c>playwright</c> for Playwright's own
/// downloaded browsers (on a machine that can download them: <c>pwsh bin/.../playwright.ps1 install chromium</c>).
/// </summary>
[SetUpFixture]
public sealed class SiteFixture
{
    public const string ChromiumVariable = "KUBELAB_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    private static SiteHost? _site;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static string BaseUrl { get; private set; } = "";

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser has not started");

    /// <summary>The lessons the site serves: the bundled ones, then the test-only ones.</summary>
    public static string LessonsFolder { get; private set; } = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        LessonsFolder = Directory.CreateTempSubdirectory("kubelab-site-lessons-").FullName;
        Copy(Path.Combine(RepositoryRoot.Path, "scenarios"), LessonsFolder);
        Copy(Path.Combine(AppContext.BaseDirectory, "Lessons"), LessonsFolder);

        _site = new SiteHost(LessonsFolder);
        BaseUrl = _site.Start();

        _playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } set ? set : DefaultChromium;
        if (chromium != "playwright" && !File.Exists(chromium))
            Assert.Fail($"no browser at {chromium}: run scripts/test-prerequisites.sh (Debian's chromium), or set {ChromiumVariable}");
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = chromium == "playwright" ? null : chromium,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
            ],
        });
        // Running a lesson's steps on the server takes a moment; the default five seconds is tight on a busy machine.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_site is not null) await _site.DisposeAsync();
        if (LessonsFolder.Length > 0) Directory.Delete(LessonsFolder, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
