using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// Files beside the lesson (long manifests, request bodies). Paths are relative to the lesson's
/// folder and may not leave it: a lesson is a folder that can be copied and run anywhere.
/// </summary>
internal static class SideFiles
{
    public const long MaxBytes = 1 << 20;

    /// <summary>The full path of an existing side file, or null after reporting why not.</summary>
    public static string? Resolve(LoadContext context, YamlScalar node, string path)
    {
        if (Problem(context.Folder, path) is { } problem)
        {
            context.Error(node, problem);
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(context.Folder, path));
        if (!File.Exists(full))
        {
            context.Error(node, $"file '{path}' not found beside the lesson{Suggestions.DidYouMean(path, Nearby(context.Folder, path))}");
            return null;
        }
        if (new FileInfo(full).Length > MaxBytes)
        {
            context.Error(node, $"file '{path}' is larger than 1 MiB");
            return null;
        }
        return full;
    }

    public static bool Exists(string folder, string path) =>
        Problem(folder, path) is null && File.Exists(Path.GetFullPath(Path.Combine(folder, path)));

    /// <summary>Why a path cannot name a side file, or null.</summary>
    public static string? Problem(string folder, string path)
    {
        if (path.Length == 0) return "the file name is empty";
        if (Path.IsPathRooted(path) || path.StartsWith('~')) return $"file '{path}' must be a path relative to the lesson's folder";
        var full = Path.GetFullPath(Path.Combine(folder, path));
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) ? null : $"file '{path}' is outside the lesson's folder";
    }

    /// <summary>Files in the folder the path names, as relative paths, for a "did you mean".</summary>
    public static IEnumerable<string> Nearby(string folder, string path)
    {
        var directory = Path.GetDirectoryName(path) ?? "";
        var full = Path.Combine(folder, directory);
        if (!Directory.Exists(full)) return [];
        return Directory.EnumerateFiles(full).Take(200).Select(f => Path.Combine(directory, Path.GetFileName(f)).Replace('\\', '/'));
    }
}
