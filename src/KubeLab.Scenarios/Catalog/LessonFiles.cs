using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Catalog;

/// <summary>
/// Which files are lessons. A file named directly is always one. In a folder, every <c>*.yaml</c>
/// and <c>*.yml</c> below it is, except Kubernetes manifests and kubeconfigs beside lessons (a
/// top-level <c>apiVersion</c> and <c>kind</c>, which no lesson has) and build or hidden folders.
/// Deciding by content rather than by a marker means a lesson with errors is still validated.
/// </summary>
public static class LessonFiles
{
    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", "node_modules"];

    /// <returns>Lesson paths, sorted, spelled from <paramref name="path"/> as given.</returns>
    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) return [];
        return Walk(path).Where(f => !IsManifest(f)).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
            if (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name)) continue;
            foreach (var file in Walk(sub)) yield return file;
        }
    }

    private static bool IsManifest(string file)
    {
        if (new FileInfo(file).Length > Loading.ScenarioLoader.MaxFileBytes) return false;
        var documents = YamlTreeReader.Read(File.ReadAllText(file), (_, _) => { });
        return documents is [YamlMapping root, ..] && root.Has("apiVersion") && root.Has("kind");
    }
}
