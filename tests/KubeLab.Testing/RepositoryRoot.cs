namespace KubeLab.Testing;

/// <summary>The checkout the tests were built from, found by walking up to KubeLab.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KubeLab.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No KubeLab.sln above {AppContext.BaseDirectory}.");
    }
}
