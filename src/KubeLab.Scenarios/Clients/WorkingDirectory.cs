namespace KubeLab.Scenarios.Clients;

/// <summary>The learner's working directory as programs open files in it: <c>./ns.json</c> and <c>ns.json</c> are one file.</summary>
public static class WorkingDirectory
{
    public static string? ReadFile(this ClientEnvironment environment, string path) =>
        environment.Files.GetValueOrDefault(Normalize(path));

    public static void WriteFile(this ClientEnvironment environment, string path, string content) =>
        environment.Files[Normalize(path)] = content;

    public static string Normalize(string path)
    {
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path;
    }
}
