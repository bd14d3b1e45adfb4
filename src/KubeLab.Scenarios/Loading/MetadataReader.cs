using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>The catalog part of a lesson: id, title, summary, level, minutes, tags.</summary>
internal static class MetadataReader
{
    public static readonly string[] Levels = ["beginner", "intermediate", "advanced"];

    /// <param name="fileId">The file name without extension, which the id must equal so a lesson can be run by id.</param>
    public static LessonMetadata? Read(LoadContext context, MappingReader lesson, string fileId)
    {
        var id = lesson.Scalar("id");
        if (id is not null && !Names.Slug().IsMatch(id.Value))
            context.Error(id, $"id '{id.Value}' must be lower-case words joined by '-', e.g. 'pods-on-the-wire'");
        else if (id is not null && id.Value != fileId)
            context.Error(id, $"id '{id.Value}' differs from the file name '{fileId}.yaml': they must be equal, so the lesson can be run by its id");
        var title = OneLine(context, lesson, "title");
        var summary = lesson.Text("summary");
        var level = Level(context, lesson);
        var minutes = lesson.Int("minutes", 1, 240);
        var tags = Tags(context, lesson);
        return id is null || title is null || summary is null || level is null || minutes is null || tags is null
            ? null
            : new LessonMetadata(id.Value, title, summary, level.Value, minutes.Value, tags);
    }

    /// <summary>Text that is shown on one line (titles), so it may not hold line breaks.</summary>
    public static string? OneLine(LoadContext context, MappingReader map, string key)
    {
        var scalar = map.Scalar(key);
        if (scalar is null || !scalar.Value.TrimEnd('\n').Contains('\n')) return scalar?.Value.TrimEnd('\n');
        context.Error(scalar, $"'{key}' must be one line");
        return null;
    }

    private static LessonLevel? Level(LoadContext context, MappingReader lesson)
    {
        if (lesson.Scalar("level") is not { } level) return null;
        var index = Array.IndexOf(Levels, level.Value);
        if (index >= 0) return (LessonLevel)index;
        context.Error(level, $"level {level.Describe()} is not one of {string.Join(", ", Levels)}{Suggestions.DidYouMean(level.Value, Levels)}");
        return null;
    }

    private static List<string>? Tags(LoadContext context, MappingReader lesson)
    {
        var tags = new List<string>();
        if (lesson.List("tags") is not { } list) return lesson.Has("tags") ? null : tags;
        foreach (var item in list.Items)
        {
            if (item is Yaml.YamlScalar { IsNull: false } tag && Names.Slug().IsMatch(tag.Value)) tags.Add(tag.Value);
            else context.Error(item, $"tag {item.Describe()} must be lower-case words joined by '-'");
        }
        return tags.Count == list.Items.Count ? tags : null;
    }
}
