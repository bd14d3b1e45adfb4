using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Tests.Loading;

/// <summary>Every lesson shipped under scenarios/ loads without errors.</summary>
public class BundledLessonTests
{
    public static IEnumerable<string> Lessons() =>
        Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml").Select(Path.GetFileName).OfType<string>().Order();

    [TestCaseSource(nameof(Lessons))]
    public void Loads(string file)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, file));
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void ThereAreLessons() => Assert.That(Lessons(), Does.Contain("pods-on-the-wire.yaml"));
}
