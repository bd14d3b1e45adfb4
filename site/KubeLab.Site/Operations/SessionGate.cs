using KubeLab.Site.Learners;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Operations;

/// <summary>What holds a session's memory: a learner's cluster (sandbox and connect) or one lesson page's run.</summary>
public enum SessionKind
{
    LearnerCluster,
    Lesson,
}

/// <summary>A new session was refused: the replica is full (<see cref="LearnerOptions.MaxSessions"/>) or shutting down.</summary>
public sealed class SiteFullException(bool draining) : Exception(draining ? SessionGate.DrainingMessage : SessionGate.FullMessage)
{
    public bool Draining => draining;
}

/// <summary>
/// Counts the sessions that hold memory (learners' clusters and lesson pages' runs) and admits new ones: a learner who
/// holds a session already always gets another (their second tab, their sandbox after a lesson), anyone else only
/// while the replica is below <see cref="LearnerOptions.MaxSessions"/> and not shutting down. So a full replica keeps
/// serving its learners and turns new ones away with a page that says so, instead of running out of memory for all.
/// </summary>
public sealed class SessionGate(IOptions<LearnerOptions> options)
{
    public const string FullMessage = "KubeLab is full right now — try again in a few minutes.";
    public const string DrainingMessage = "KubeLab is restarting right now — try again in a few minutes.";

    private readonly Dictionary<string, int> _byLearner = new(StringComparer.Ordinal);
    private readonly int[] _byKind = new int[Enum.GetValues<SessionKind>().Length];
    private readonly Lock _sync = new();
    private volatile bool _draining;

    public int MaxSessions => options.Value.MaxSessions;

    public int Count
    {
        get { lock (_sync) return _byKind.Sum(); }
    }

    public int CountOf(SessionKind kind)
    {
        lock (_sync) return _byKind[(int)kind];
    }

    public bool IsFull => Count >= MaxSessions;

    /// <summary>True once the site has begun to shut down: no new learner is admitted from then on.</summary>
    public bool Draining => _draining;

    public void BeginDraining() => _draining = true;

    /// <summary>Whether a page may be served to <paramref name="learner"/> (null: a browser without the site's cookie).</summary>
    public bool Admits(string? learner)
    {
        lock (_sync) return Holds(learner) || (!_draining && _byKind.Sum() < MaxSessions);
    }

    /// <summary>Counts a new session of <paramref name="learner"/>; dispose the ticket when it ends.</summary>
    /// <exception cref="SiteFullException">The learner holds no session and the replica is full or shutting down.</exception>
    public IDisposable Open(string? learner, SessionKind kind)
    {
        lock (_sync)
        {
            if (!Holds(learner) && (_draining || _byKind.Sum() >= MaxSessions)) throw new SiteFullException(_draining);
            _byKind[(int)kind]++;
            if (learner is not null) _byLearner[learner] = _byLearner.GetValueOrDefault(learner) + 1;
        }
        return new Ticket(this, learner, kind);
    }

    private bool Holds(string? learner) => learner is not null && _byLearner.ContainsKey(learner);

    private void Close(string? learner, SessionKind kind)
    {
        lock (_sync)
        {
            _byKind[(int)kind]--;
            if (learner is null) return;
            if (_byLearner[learner] == 1) _byLearner.Remove(learner);
            else _byLearner[learner]--;
        }
    }

    private sealed class Ticket(SessionGate gate, string? learner, SessionKind kind) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) gate.Close(learner, kind);
        }
    }
}
