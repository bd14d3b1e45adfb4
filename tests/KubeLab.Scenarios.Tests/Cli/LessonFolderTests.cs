using KubeLab.Scenarios.Catalog;

namespace KubeLab.Scenarios.Tests.Cli;

/// <summary>The rule <c>kubelab lessons</c> uses to find the bundled lessons, one case per clause.</summary>
public class LessonFolderTests
{
    [Test]
    public void TheEnvironmentVariableWins()
    {
        using var env = new TempFolder();
        Assert.That(LessonFolder.Find(env.Path, RepositoryPaths.Root, RepositoryPaths.Root), Is.EqualTo(env.Path));
        Assert.That(LessonFolder.Find(Path.Combine(env.Path, "missing"), RepositoryPaths.Root, RepositoryPaths.Root), Is.Null);
    }

    [Test]
    public void TheCurrentDirectoryOrAParentComesNext()
    {
        using var work = new TempFolder();
        work.Write("scenarios/lesson.schema.json", "{}");
        var deep = Directory.CreateDirectory(Path.Combine(work.Path, "a", "b")).FullName;
        Assert.That(LessonFolder.Find(null, deep, RepositoryPaths.Root), Is.EqualTo(Path.Combine(work.Path, "scenarios")));
    }

    [Test]
    public void AScenariosFolderWithoutTheSchemaIsNotTheLessonsFolder()
    {
        using var work = new TempFolder();
        work.Write("scenarios/something.yaml", "x: 1");
        Assert.That(LessonFolder.Find(null, work.Path, RepositoryPaths.Root), Is.EqualTo(RepositoryPaths.Scenarios));
    }

    [Test]
    public void TheExecutablesDirectoryIsTheLastResort()
    {
        using var nowhere = new TempFolder();
        Assert.That(LessonFolder.Find(null, nowhere.Path, nowhere.Path), Is.Null);
        Assert.That(LessonFolder.Find(null, nowhere.Path, Path.Combine(RepositoryPaths.Root, "src")), Is.EqualTo(RepositoryPaths.Scenarios));
    }

    [Test]
    public void ALessonArgumentIsAPathOrABundledId()
    {
        var file = Path.Combine(RepositoryPaths.Scenarios, "pods-on-the-wire.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(LessonCatalog.Resolve(file, null), Is.EqualTo(file));
            Assert.That(LessonCatalog.Resolve("pods-on-the-wire", RepositoryPaths.Scenarios), Is.EqualTo(file));
            Assert.That(LessonCatalog.Resolve("no-such-lesson", RepositoryPaths.Scenarios), Is.Null);
        });
    }
}
