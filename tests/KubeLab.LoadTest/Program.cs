using KubeLab.LoadTest;
using KubeLab.Scenarios.Catalog;

// Many learners on one site: see docs/performance.md.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
var lessons = LessonFolder.Find() ?? throw new InvalidOperationException($"no lessons folder ({LessonFolder.Describe()})");
// From the repository root, WebApplicationFactory would take KubeLab.sln for the site's solution and look for the
// site beside it instead of reading its manifest in this folder (as in tests/KubeLab.Site.Benchmarks).
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

var report = await new LoadRun(options, Console.Out).RunAsync(lessons);
Console.WriteLine();
report.Write(Console.Out);
return report.Errors == 0 ? 0 : 1;
