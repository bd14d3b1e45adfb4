using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Validation;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// <c>files:</c> the learner's working directory, name → content, so a short manifest that
/// <c>kubectl create -f</c> reads can sit in the lesson next to the narration that explains it.
/// </summary>
internal static class WorkspaceReader
{
    public static List<WorkspaceFile>? Read(LoadContext context, MappingReader lesson, LessonState state)
    {
        var files = new List<WorkspaceFile>();
        if (lesson.Mapping("files") is not { } mapping) return lesson.Has("files") ? null : files;
        foreach (var (name, content) in mapping.Entries)
        {
            if (!Names.WorkspaceFile().IsMatch(name.Value))
                context.Error(name, $"file name '{name.Value}' must be a relative path of letters, digits, '.', '_', '-' and '/'");
            else if (content is not YamlScalar { IsNull: false } text)
                context.Error(content, $"the content of '{name.Value}' must be text (use '|' for several lines), not {content.Describe()}");
            else
            {
                VariableChecker.Check(context, text, state);
                files.Add(new WorkspaceFile(name.Value, text.Value));
                state.WorkspaceFiles.Add(name.Value);
            }
        }
        return files.Count == mapping.Entries.Count ? files : null;
    }
}
