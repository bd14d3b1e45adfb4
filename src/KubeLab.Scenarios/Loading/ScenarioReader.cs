using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>Reads a lesson's document in the order it runs: metadata, the learner's files, the cluster, the steps.</summary>
internal static class ScenarioReader
{
    public static Scenario? Read(LoadContext context, YamlNode root, string sourcePath)
    {
        var errors = context.ErrorCount;
        if (MappingReader.Open(context, root, LessonShapes.Lesson, "a lesson") is not { } lesson) return null;
        var state = new LessonState();
        var metadata = MetadataReader.Read(context, lesson, Path.GetFileNameWithoutExtension(sourcePath));
        var files = WorkspaceReader.Read(context, lesson, state);
        var cluster = ClusterReader.Read(context, lesson, state);
        var steps = StepReader.ReadAll(context, lesson, state);
        return context.ErrorCount == errors ? new Scenario(sourcePath, metadata!, files!, cluster!, steps!) : null;
    }
}
