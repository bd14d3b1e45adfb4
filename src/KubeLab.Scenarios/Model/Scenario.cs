namespace KubeLab.Scenarios.Model;

/// <summary>
/// A lesson: who it is for, the cluster and files the learner starts with, and its steps. Loaded
/// and validated as a whole, so a runner never meets a half-valid lesson.
/// </summary>
/// <param name="SourcePath">The lesson file; side files are resolved from its folder.</param>
/// <param name="Files">Files the learner's working directory holds before the first step (inline in the lesson).</param>
public sealed record Scenario(
    string SourcePath,
    LessonMetadata Metadata,
    IReadOnlyList<WorkspaceFile> Files,
    ClusterSetup Cluster,
    IReadOnlyList<Step> Steps)
{
    public string Id => Metadata.Id;
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(SourcePath)) ?? ".";
}

public enum LessonLevel { Beginner, Intermediate, Advanced }

/// <summary>What a catalog shows about a lesson before anyone runs it.</summary>
/// <param name="Id">Lower-case words joined by '-'; equal to the file name without <c>.yaml</c>.</param>
/// <param name="Minutes">Estimated time for a learner, in minutes.</param>
public sealed record LessonMetadata(string Id, string Title, string Summary, LessonLevel Level, int Minutes, IReadOnlyList<string> Tags);

/// <summary>A file in the learner's working directory, e.g. the <c>nginx.yaml</c> that <c>kubectl create -f</c> reads.</summary>
public sealed record WorkspaceFile(string Name, string Content);

/// <summary>A name and a text value, in the order the author wrote them (environment variables, headers).</summary>
public sealed record NamedValue(string Name, string Value);
