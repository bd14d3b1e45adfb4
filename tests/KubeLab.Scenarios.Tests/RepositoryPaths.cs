namespace KubeLab.Scenarios.Tests;

/// <summary>Files of the repository the tests read: bundled lessons, the schema, the malformed corpus.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Schema => Path.Combine(Scenarios, "lesson.schema.json");

    public static string Malformed => Path.Combine(Root, "tests", "KubeLab.Scenarios.Tests", "Malformed");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KubeLab.sln"))) return dir.FullName;
        throw new InvalidOperationException("KubeLab.sln not found above the test directory");
    }
}
