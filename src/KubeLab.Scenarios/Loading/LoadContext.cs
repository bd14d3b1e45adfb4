using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// The file being read and the errors found so far. Readers report and carry on, so one run of the
/// loader tells an author everything that is wrong, not just the first thing; a reader knows its
/// part failed when <see cref="ErrorCount"/> grew while it read.
/// </summary>
internal sealed class LoadContext
{
    /// <summary>Past this many errors the rest are counted, not kept: nobody reads the 500th, and a hostile file could produce millions.</summary>
    public const int MaxErrors = 100;

    private readonly ErrorLog _log;

    public LoadContext(string file, string folder, string source, List<LessonError> errors)
        : this(file, folder, source, new ErrorLog(errors))
    {
    }

    private LoadContext(string file, string folder, string source, ErrorLog log)
    {
        File = file;
        Folder = folder;
        Source = source;
        _log = log;
    }

    /// <summary>The file as the author named it, for messages.</summary>
    public string File { get; }

    /// <summary>The lesson's folder: side files are resolved from here, and may not leave it.</summary>
    public string Folder { get; }

    public string Source { get; }

    /// <summary>When set, every (shape, key) read is recorded: how tests prove a fixture uses the whole format.</summary>
    public ISet<(string Shape, string Key)>? KeysSeen { get; init; }

    /// <summary>Every error found, kept or not.</summary>
    public int ErrorCount => _log.Errors.Count + _log.Unreported;

    /// <summary>No more errors are kept: readers may skip the work of wording them.</summary>
    public bool Saturated => _log.Errors.Count >= MaxErrors;

    /// <summary>Errors found beyond <see cref="MaxErrors"/>, which are not kept.</summary>
    public int Unreported => _log.Unreported;

    /// <summary>Reports an error once, however many readers notice it.</summary>
    public void Error(SourcePosition at, string message)
    {
        // Messages quote the author's text, which a hostile file can make megabytes long: keep the
        // start, where the text is named, and the end, where the hint is.
        if (message.Length > 400) message = message[..200] + " ... " + message[^180..];
        var error = new LessonError(File, at, message);
        if (_log.Errors.Count >= MaxErrors) _log.Unreported++;
        else if (_log.Seen.Add(error)) _log.Errors.Add(error);
    }

    public void Error(YamlNode node, string message) => Error(node.At, message);

    /// <summary>An error at a character of a scalar's value, e.g. one word of a command line.</summary>
    public void Error(YamlScalar scalar, int offset, string message) => Error(ScalarLocator.Locate(Source, scalar, offset), message);

    /// <summary>The same errors, reading another file (a manifest beside the lesson).</summary>
    public LoadContext For(string sideFile, string sideSource) => new(sideFile, Folder, sideSource, _log) { KeysSeen = KeysSeen };

    private sealed class ErrorLog(List<LessonError> errors)
    {
        public List<LessonError> Errors { get; } = errors;
        public HashSet<LessonError> Seen { get; } = [];
        public int Unreported { get; set; }
    }
}
