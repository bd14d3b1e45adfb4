using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// Files a command reads (<c>-f pod.yaml</c>, <c>--data-binary @ns.json</c>): in the learner's
/// directory from <c>files</c>, written by the runner (certificates), or beside the lesson.
/// </summary>
internal static class LearnerFiles
{
    /// <summary>Why the file will not be there when the step runs, or null.</summary>
    public static string? Missing(LoadContext context, LessonState state, string file)
    {
        if (file.Contains("${") || state.WorkspaceFiles.Contains(file) || SideFiles.Exists(context.Folder, file)) return null;
        var known = state.WorkspaceFiles.Concat(SideFiles.Nearby(context.Folder, file));
        return $"file '{file}' is neither in 'files' nor beside the lesson{Suggestions.DidYouMean(file, known)}";
    }
}
