using KubeLab.Scenarios.Catalog;
using KubeLab.Scenarios.Model;

namespace KubeLab.Site.Lessons;

/// <summary>A lesson file that did not load: the author's errors, as <c>file (line,col): message</c>.</summary>
public sealed record BrokenLesson(string File, IReadOnlyList<string> Errors);

/// <summary>
/// The lessons the site offers, loaded once at start-up from the lessons folder: the <c>Lessons</c> setting,
/// else where <c>kubelab</c> looks (<see cref="LessonFolder"/>). A file that does not load is listed apart with
/// its errors, never half-shown.
/// </summary>
public sealed class LessonLibrary
{
    public LessonLibrary(string? folder)
    {
        Folder = folder;
        var catalog = folder is null ? new LessonCatalog([], []) : LessonCatalog.Load(folder);
        Lessons = catalog.Lessons.Select(l => l.Scenario!).ToList();
        Broken = catalog.Broken.Select(b => new BrokenLesson(Path.GetFileName(b.File), b.Result.Errors.Select(e => e.ToString()).ToList())).ToList();
    }

    /// <summary>Null when no lessons folder was found.</summary>
    public string? Folder { get; }

    /// <summary>In the order a course takes them: by level, then by id.</summary>
    public IReadOnlyList<Scenario> Lessons { get; }

    public IReadOnlyList<BrokenLesson> Broken { get; }

    public Scenario? Find(string id) => Lessons.FirstOrDefault(l => l.Id == id);

    /// <summary>Every tag, for the catalog's filter, in alphabetical order.</summary>
    public IReadOnlyList<string> Tags => Lessons.SelectMany(l => l.Metadata.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
}
