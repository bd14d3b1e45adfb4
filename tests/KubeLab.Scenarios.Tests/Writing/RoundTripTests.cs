using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Writing;

namespace KubeLab.Scenarios.Tests.Writing;

/// <summary>
/// Load → write → load gives the same lesson. The fixtures are written in the writer's canonical
/// layout, so the strongest form holds for them: the written text is the file, byte for byte.
/// </summary>
public class RoundTripTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "KubeLab.Scenarios.Tests", "RoundTrip");

    public static IEnumerable<string> CanonicalFixtures() => ["kitchen-sink", "kitchen-sink-namespace"];

    [TestCaseSource(nameof(CanonicalFixtures))]
    public void CanonicalLessonIsWrittenBackByteForByte(string name)
    {
        var path = Path.Combine(Fixtures, name + ".yaml");
        var loaded = ScenarioLoader.LoadFile(path);
        Assert.That(loaded.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(ScenarioWriter.Write(loaded.Scenario!), Is.EqualTo(File.ReadAllText(path)));
    }

    [TestCaseSource(typeof(Loading.BundledLessonTests), nameof(Loading.BundledLessonTests.Lessons))]
    public void BundledLessonSurvivesAWriteAndALoad(string file)
    {
        var path = Path.Combine(RepositoryPaths.Scenarios, file);
        var written = ScenarioWriter.Write(ScenarioLoader.LoadFile(path).Scenario!);
        var reloaded = ScenarioLoader.Load(written, path);
        Assert.That(reloaded.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(ScenarioWriter.Write(reloaded.Scenario!), Is.EqualTo(written));
    }

    /// <summary>Without this, a key the writer dropped would round-trip "successfully" by never being tested.</summary>
    [Test]
    public void FixturesUseEveryKeyOfEveryShape()
    {
        var seen = new HashSet<(string, string)>();
        foreach (var name in CanonicalFixtures())
        {
            var path = Path.Combine(Fixtures, name + ".yaml");
            Assert.That(ScenarioLoader.Load(File.ReadAllText(path), path, seen).Errors, Is.Empty);
        }
        var all = LessonShapes.All.SelectMany(shape => shape.Keys.Select(key => (shape.Name, key))).ToList();
        Assert.That(all, Has.Count.GreaterThan(50));
        Assert.That(all.Except(seen), Is.Empty, "keys no round-trip fixture uses");
    }
}
