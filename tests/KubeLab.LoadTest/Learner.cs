namespace KubeLab.LoadTest;

/// <summary>
/// One simulated learner: a page visit over HTTP (where the site gives the learner cookie), then the session the page
/// opens, then steps as the page's click handlers call them. A step that does not do what it would for a browser
/// throws <see cref="StepFailedException"/>.
/// </summary>
internal abstract class Learner : IAsyncDisposable
{
    public const string LessonKind = "lesson step";
    public const string SandboxKind = "sandbox command";
    public const string ConnectKind = "connect request";

    /// <summary>What its steps are: <see cref="LessonKind"/>, <see cref="SandboxKind"/> or <see cref="ConnectKind"/>.</summary>
    public abstract string Kind { get; }

    public abstract int StepCount { get; }

    /// <summary>Visits the page and opens the session it shows (a lesson's start, the learner's cluster).</summary>
    public abstract Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Step <paramref name="step"/> (from 1).</summary>
    public abstract Task StepAsync(int step, CancellationToken cancellationToken);

    /// <summary>Leaves the page: what its disposal releases.</summary>
    public abstract ValueTask DisposeAsync();
}

internal sealed class StepFailedException(string message) : Exception(message);

/// <summary>The kind of learner each arrival is, spread by share (not drawn), so that even five learners include every kind.</summary>
internal sealed class LearnerMix(SiteUnderLoad site, LoadOptions options)
{
    private readonly int[] _made = new int[3];
    private int _lessons;

    public Learner Next()
    {
        double[] shares = [1 - options.SandboxShare - options.ConnectShare, options.SandboxShare, options.ConnectShare];
        var total = _made.Sum() + 1;
        // The kind furthest behind its share so far.
        var kind = Enumerable.Range(0, 3).MaxBy(k => shares[k] * total - _made[k]);
        _made[kind]++;
        return kind switch
        {
            0 => new LessonLearner(site, options.Lessons[_lessons++ % options.Lessons.Count], options.Steps),
            1 => new SandboxLearner(site, options.Steps),
            _ => new ConnectLearner(site, options.Steps),
        };
    }
}
