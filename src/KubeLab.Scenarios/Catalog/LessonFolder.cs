namespace KubeLab.Scenarios.Catalog;

/// <summary>
/// Where the bundled lessons are. In order: the folder named by <c>KUBELAB_SCENARIOS</c>; else the
/// nearest <c>scenarios/</c> holding <c>lesson.schema.json</c> in the current directory or one of
/// its parents (a checkout you work in); else the same search from the executable's directory
/// (lessons shipped beside the tool, or the checkout it was built in). The schema file is the mark
/// that tells a lessons folder from any other folder called scenarios.
/// </summary>
public static class LessonFolder
{
    public const string EnvironmentVariable = "KUBELAB_SCENARIOS";
    public const string SchemaFile = "lesson.schema.json";

    public static string? Find(string? fromEnvironment, string currentDirectory, string executableDirectory)
    {
        if (!string.IsNullOrEmpty(fromEnvironment)) return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        return Upward(currentDirectory) ?? Upward(executableDirectory);
    }

    public static string? Find() =>
        Find(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.CurrentDirectory, AppContext.BaseDirectory);

    public static string Describe() =>
        $"${EnvironmentVariable}, or a scenarios/ folder with {SchemaFile} in the current directory, the executable's, or one of their parents";

    private static string? Upward(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios");
            if (File.Exists(Path.Combine(candidate, SchemaFile))) return candidate;
        }
        return null;
    }
}
