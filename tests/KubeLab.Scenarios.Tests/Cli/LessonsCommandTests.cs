using KubeLab.Cli.Lessons;
using KubeLab.Scenarios.Catalog;

namespace KubeLab.Scenarios.Tests.Cli;

public class LessonsCommandTests
{
    private static (int Exit, string Stdout, string Stderr) Lessons(string? folder)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = LessonsCommand.Run([], folder, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void ListsLessonsByLevelThenId()
    {
        using var folder = new TempFolder();
        folder.Write("zeta.yaml", TempFolder.Lesson("zeta", title: "Last of the beginners"));
        folder.Write("zeta/config.yaml", TempFolder.ConfigMap);
        folder.Write("alpha.yaml", TempFolder.Lesson("alpha", level: "advanced", title: "Hard"));
        folder.Write("alpha/config.yaml", TempFolder.ConfigMap);
        folder.Write("beta.yaml", TempFolder.Lesson("beta", title: "First"));
        folder.Write("beta/config.yaml", TempFolder.ConfigMap);
        Assert.That(Lessons(folder.Path), Is.EqualTo((0, """
            ID      LEVEL      MINUTES   TITLE
            beta    beginner   5         First
            zeta    beginner   5         Last of the beginners
            alpha   advanced   5         Hard

            """, "")));
    }

    [Test]
    public void ABrokenLessonIsNamedAndFailsTheListing()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.yaml", "id: broken\n");
        var (exit, _, stderr) = Lessons(folder.Path);
        Assert.That((exit, stderr), Is.EqualTo((1, $"{broken}: does not load (5 errors): run 'kubelab validate {broken}'\n")));
    }

    [Test]
    public void NoFolderIsAnError() =>
        Assert.That(Lessons(null), Is.EqualTo((1, "", $"error: no lessons folder found (looked for {LessonFolder.Describe()})\n")));

    [Test]
    public void TheBundledLessonsAreListed() =>
        // The columns are as wide as the longest id and level among all the bundled lessons.
        Assert.That(Lessons(RepositoryPaths.Scenarios).Stdout, Does.Match(@"(?m)^pods-on-the-wire +beginner +8 +Pods on the wire$"));
}
