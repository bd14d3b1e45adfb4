using KubeLab.Scenarios.Catalog;
using KubeLab.Site.Benchmarks;
using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using KubeLab.Site.Operations;
using KubeLab.Site.Tests.Browser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// Step latency and server memory per learner session, alone and with many sessions open: see docs/benchmarks.md.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Options.Usage);
    return 0;
}
var options = Options.Parse(args);
if (Chromium.Missing() is { } missing)
{
    Console.Error.WriteLine(missing);
    return 2;
}
var lessons = LessonFolder.Find() ?? throw new InvalidOperationException($"no lessons folder ({LessonFolder.Describe()})");
// Where the test runner starts the browser tests: from the repository root, WebApplicationFactory takes KubeLab.sln
// there for the site's solution and looks for the site beside it instead of reading its manifest in this folder.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

await using var site = new SiteHost(lessons, host => host
    // As deployed: no development-only services, and no per-request logging in the timings.
    .UseEnvironment("Production")
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    // A hundred sessions and more: the session cap would refuse learners before the measurement has them all.
    .UseSetting($"{LearnerOptions.Section}:{nameof(LearnerOptions.MaxSessions)}", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
var baseUrl = site.Start();
using var playwright = await Playwright.CreateAsync();
await using var browser = await Chromium.LaunchAsync(playwright);

Console.WriteLine($"{baseUrl}: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {browser.BrowserType.Name} {browser.Version}; " +
    $"{options.Sessions} sessions ({options.Sandboxes} sandboxes), {options.Repeat} runs through {string.Join(", ", options.Lessons)}");
var benchmark = new SiteBenchmark(options, browser, baseUrl, site.Services.GetRequiredService<LessonLibrary>(), site.Services.GetRequiredService<CircuitCount>());
var report = await benchmark.RunAsync(Console.Out);
Console.WriteLine();
report.Write(Console.Out);
if (benchmark.Problems.Count == 0) return 0;
Console.Error.WriteLine($"\nThe pages reported {benchmark.Problems.Count} problems; the figures above are not to be trusted:");
foreach (var problem in benchmark.Problems.Take(20)) Console.Error.WriteLine("  " + problem);
return 1;
