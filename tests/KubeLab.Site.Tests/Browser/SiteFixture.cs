using KubeLab.Testing;
using Microsoft.Playwright;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// One site and one browser for the whole suite (each test gets a fresh browser context). The site serves the
/// bundled lessons of this checkout and the test-only lessons under Lessons/. The browser: <see cref="Chromium"/>.
/// </summary>
[SetUpFixture]
public sealed class SiteFixture
{
    private static SiteHost? _site;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static string BaseUrl { get; private set; } = "";

    /// <summary>The site's services, to look at what its pages hold.</summary>
    public static IServiceProvider Services => _site?.Services ?? throw new InvalidOperationException("the site has not started");

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
        if (Chromium.Missing() is { } missing) Assert.Fail(missing);
        _browser = await Chromium.LaunchAsync(_playwright);
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
