using KubeLab.Cli;
using KubeLab.Cli.Lessons;

namespace KubeLab.Scenarios.Tests.Cli;

public class ValidateCommandTests
{
    private static (int Exit, string Stdout, string Stderr) Validate(params string[] paths)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = ValidateCommand.Run(paths, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void AGoodLessonIsOneOkLine()
    {
        var path = Path.Combine(RepositoryPaths.Scenarios, "pods-on-the-wire.yaml");
        Assert.That(Validate(path), Is.EqualTo((0, $"OK {path} (pods-on-the-wire, 6 steps)\n", "")));
    }

    [Test]
    public void AFolderIsSearchedForLessonsAndManifestsBesideThemAreSkipped()
    {
        using var folder = new TempFolder();
        folder.Write("first.yaml", TempFolder.Lesson("first"));
        folder.Write("first/config.yaml", TempFolder.ConfigMap);
        folder.Write("more/second.yml", TempFolder.Lesson("second"));
        folder.Write("more/second/config.yaml", TempFolder.ConfigMap);
        folder.Write("bin/ignored.yaml", "not: a lesson");
        var (exit, stdout, stderr) = Validate(folder.Path);
        Assert.That((exit, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"OK {Path.Combine(folder.Path, "first.yaml")} (first, 1 steps)",
            $"OK {Path.Combine(folder.Path, "more", "second.yml")} (second, 1 steps)",
        }));
    }

    [Test]
    public void ErrorsGoToStderrWithPositionsAndFailTheRun()
    {
        var path = Path.Combine(RepositoryPaths.Malformed, "unknown-key.yaml");
        var good = Path.Combine(RepositoryPaths.Scenarios, "pods-on-the-wire.yaml");
        var (exit, stdout, stderr) = Validate(good, path);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stdout, Does.StartWith("OK "));
            Assert.That(stderr, Is.EqualTo($"{path} (8,5): unknown key 'narraton' in step 1 — did you mean 'narration'?\n1 of 2 failed validation\n"));
        });
    }

    [Test]
    public void AMissingPathOrAFolderWithoutLessonsFails()
    {
        using var folder = new TempFolder();
        folder.Write("pod.yaml", TempFolder.ConfigMap);
        var missing = Path.Combine(folder.Path, "nope");
        Assert.That(Validate(missing, folder.Path), Is.EqualTo((1, "", $"{missing}: no such file or folder\n{folder.Path}: no lessons found\n2 of 2 failed validation\n")));
    }

    [Test]
    public void NoPathIsAUsageError() => Assert.Throws<UsageException>(() => Validate());
}
