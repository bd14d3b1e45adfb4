using KubeLab.Site.Lessons;

namespace KubeLab.LoadTest;

/// <summary>
/// A learner in the lesson player: the Lesson page opens a <see cref="LessonSession"/> and runs it to the start, and each
/// Next click navigates to <c>/steps/n</c>, where the page calls <see cref="LessonSession.GoToAsync"/> for that step.
/// </summary>
internal sealed class LessonLearner(SiteUnderLoad site, string lesson, int steps) : Learner
{
    private LessonSession? _session;

    public override string Kind => LessonKind;

    /// <summary>The session is open (the page shows it).</summary>
    public bool Holding { get; private set; }

    public override int StepCount { get; } = Math.Min(steps,
        (site.Library.Find(lesson) ?? throw new ArgumentException($"no bundled lesson \"{lesson}\"")).Steps.Count);

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        var learner = await site.VisitAsync($"/lessons/{lesson}", cancellationToken);
        _session = site.Lessons.Open(lesson, learner) ?? throw new StepFailedException($"the site has no lesson \"{lesson}\"");
        Holding = true;
        await _session.GoToAsync(0, cancellationToken);
    }

    public override async Task StepAsync(int step, CancellationToken cancellationToken)
    {
        var view = await _session!.GoToAsync(step, cancellationToken);
        if (view.Position != step) throw new StepFailedException($"{lesson}: asked for step {step}, shown {view.Position}");
        if (!view.Passed[^1]) throw new StepFailedException($"{lesson}: step {step} did not go as the lesson expects: {view.Step?.Error}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        Holding = false;
    }
}
