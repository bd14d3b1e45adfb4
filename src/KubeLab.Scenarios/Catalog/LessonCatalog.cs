using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Catalog;

/// <summary>The lessons of a folder, loaded, in the order a course takes them: by level, then by id.</summary>
public sealed record LessonCatalog(IReadOnlyList<LoadResult> Lessons, IReadOnlyList<(string File, LoadResult Result)> Broken)
{
    public static LessonCatalog Load(string folder)
    {
        var results = LessonFiles.Find(folder).Select(f => (File: f, Result: ScenarioLoader.LoadFile(f))).ToList();
        var good = results.Where(r => r.Result.Succeeded).Select(r => r.Result)
            .OrderBy(r => r.Scenario!.Metadata.Level).ThenBy(r => r.Scenario!.Id, StringComparer.Ordinal).ToList();
        return new LessonCatalog(good, results.Where(r => !r.Result.Succeeded).ToList());
    }

    /// <summary>A lesson argument: a path to a file, or the id of a lesson in <paramref name="folder"/>.</summary>
    public static string? Resolve(string lesson, string? folder)
    {
        if (File.Exists(lesson)) return lesson;
        var bundled = folder is null ? null : Path.Combine(folder, lesson + ".yaml");
        return bundled is not null && File.Exists(bundled) ? bundled : null;
    }
}
