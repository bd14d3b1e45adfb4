using KubeLab.Scenarios.Catalog;
using KubeLab.Scenarios.Loading;

namespace KubeLab.Cli.Lessons;

/// <summary>
/// <c>kubelab validate PATH...</c>: loads every lesson named or found under the paths. One OK line
/// per good lesson on stdout; every error on stderr as <c>file (line,col): message</c>. Exit 1 if
/// anything is wrong, including a path with no lessons, so CI cannot pass on an empty folder.
/// </summary>
internal static class ValidateCommand
{
    public const string Usage = "usage: kubelab validate PATH... (lesson files, or folders searched for *.yaml lessons)";

    public static int Run(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr)
    {
        if (paths.Count == 0) throw new UsageException(Usage);
        var failed = 0;
        var checkedFiles = 0;
        foreach (var path in paths)
        {
            var files = LessonFiles.Find(path);
            if (files.Count == 0)
            {
                stderr.WriteLine(File.Exists(path) || Directory.Exists(path) ? $"{path}: no lessons found" : $"{path}: no such file or folder");
                failed++;
            }
            foreach (var file in files)
            {
                checkedFiles++;
                var result = ScenarioLoader.LoadFile(file);
                if (result.Scenario is { } lesson) stdout.WriteLine($"OK {file} ({lesson.Id}, {lesson.Steps.Count} steps)");
                else failed++;
                foreach (var error in result.Errors) stderr.WriteLine(error);
            }
        }
        if (failed > 0) stderr.WriteLine($"{failed} of {Math.Max(checkedFiles, failed)} failed validation");
        return failed == 0 ? 0 : 1;
    }
}
