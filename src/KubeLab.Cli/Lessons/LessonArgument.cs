using KubeLab.Scenarios.Catalog;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Model;

namespace KubeLab.Cli.Lessons;

/// <summary>A command's LESSON argument: a lesson file, or the id of a bundled lesson, loaded.</summary>
internal static class LessonArgument
{
    /// <summary>The lesson, or null when there is none by that name or it does not load (said on <paramref name="stderr"/>).</summary>
    public static Scenario? Load(string lesson, TextWriter stderr)
    {
        var path = LessonCatalog.Resolve(lesson, LessonFolder.Find());
        if (path is null)
        {
            stderr.WriteLine($"error: no lesson file or bundled lesson named \"{lesson}\" (see 'kubelab lessons')");
            return null;
        }
        var loaded = ScenarioLoader.LoadFile(path);
        foreach (var error in loaded.Errors) stderr.WriteLine(error);
        return loaded.Scenario;
    }
}
