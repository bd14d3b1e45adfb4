namespace KubeLab.Scenarios.Tests.Cli;

/// <summary>A folder of files for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kubelab-{Guid.NewGuid():N}")).FullName;

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public static string Lesson(string id, string level = "beginner", string title = "A lesson") => $"""
        id: {id}
        title: {title}
        summary: S
        level: {level}
        minutes: 5
        cluster:
          objects:
            - file: {id}/config.yaml
        steps:
          - title: A step
            narration: N
            kubectl: get configmaps
        """;

    public const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
