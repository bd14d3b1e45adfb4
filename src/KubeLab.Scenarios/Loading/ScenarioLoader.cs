using System.Text;
using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// Loads a lesson file into a <see cref="Scenario"/>, or reports everything wrong with it as
/// positioned, human errors. Nothing is run and nothing but the lesson's own side files is read.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Lessons are a few kilobytes; anything above this is refused before parsing.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <param name="path">The lesson file; errors name it as given.</param>
    public static LoadResult LoadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return Failed(path, SourcePosition.Start, "file not found");
        if (info.Length > MaxFileBytes) return Failed(path, SourcePosition.Start, TooLarge(info.Length));
        return Load(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Loads lesson text as if read from <paramref name="path"/>: side files are looked up beside that path.</summary>
    public static LoadResult Load(string text, string path) => Load(text, path, null);

    internal static LoadResult Load(string text, string path, ISet<(string Shape, string Key)>? keysSeen)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxFileBytes) return Failed(path, SourcePosition.Start, TooLarge(Encoding.UTF8.GetByteCount(text)));
        var errors = new List<LessonError>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var context = new LoadContext(path, folder, text, errors) { KeysSeen = keysSeen };
        var documents = YamlTreeReader.Read(text, context.Error);
        Scenario? scenario = null;
        if (documents is { Count: 0 } || documents is [YamlScalar { IsNull: true }]) context.Error(SourcePosition.Start, "the file is empty: a lesson starts with 'id:'");
        else if (documents is { Count: > 1 }) context.Error(documents[1].At, "a lesson is one YAML document: remove the '---' before this line and what follows, or move it to its own file");
        else if (documents is [var root]) scenario = ScenarioReader.Read(context, root, path);
        var ordered = errors.OrderBy(e => e.File != path).ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.At.Line).ThenBy(e => e.At.Column).ToList();
        if (context.Unreported > 0)
            ordered.Add(new LessonError(path, SourcePosition.Start, $"and {context.Unreported} more errors not shown: fix these first"));
        return ordered.Count == 0 && scenario is not null ? new LoadResult(scenario, []) : new LoadResult(null, ordered);
    }

    private static LoadResult Failed(string path, SourcePosition at, string message) => new(null, [new LessonError(path, at, message)]);

    private static string TooLarge(long bytes) =>
        $"the file is {bytes / 1024.0 / 1024.0:0.0} MiB; a lesson may be at most 1 MiB (put long payloads in files beside it)";
}
