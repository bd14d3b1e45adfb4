using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// The file being read and the errors found so far. Readers report and carry on, so one run of the
/// loader tells an author everything that is wrong, not just the first thing.
/// </summary>
internal sealed class LoadContext(string file, string folder, string source, List<LessonError> errors)
{
    /// <summary>The file as the author named it, for messages.</summary>
    public string File { get; } = file;

    /// <summary>The lesson's folder: side files are resolved from here, and may not leave it.</summary>
    public string Folder { get; } = folder;

    public string Source { get; } = source;

    /// <summary>When set, every (shape, key) read is recorded: how tests prove a fixture uses the whole format.</summary>
    public ISet<(string Shape, string Key)>? KeysSeen { get; init; }
    public IReadOnlyList<LessonError> Errors => errors;

    /// <summary>Reports an error once, however many readers notice it.</summary>
    public void Error(SourcePosition at, string message)
    {
        var error = new LessonError(File, at, message);
        if (!errors.Contains(error)) errors.Add(error);
    }

    public void Error(YamlNode node, string message) => Error(node.At, message);

    /// <summary>An error at a character of a scalar's value, e.g. one word of a command line.</summary>
    public void Error(YamlScalar scalar, int offset, string message) => Error(ScalarLocator.Locate(Source, scalar, offset), message);

    /// <summary>The same error list, reading another file (a manifest beside the lesson).</summary>
    public LoadContext For(string sideFile, string sideSource) => new(sideFile, Folder, sideSource, errors) { KeysSeen = KeysSeen };
}
