namespace KubeLab.ControlPlane.Pipeline;

/// <summary>The stages a request passes through, in order but for FlowControl (added last), which comes after Impersonation.</summary>
public enum TraceStage { Authentication, Impersonation, Authorization, Admission, Storage, Response, FlowControl }

/// <summary>What one stage decided, and why, in words a learner can read.</summary>
public sealed record TraceEntry(TraceStage Stage, string Component, string Decision, string Detail)
{
    /// <summary>For storage: the etcd key, operation and revision.</summary>
    public string? EtcdKey { get; init; }
    public long? Revision { get; init; }
}

/// <summary>The trace of one request through the pipeline; recorded beside its exchange.</summary>
public sealed class RequestTrace
{
    private readonly List<TraceEntry> _entries = [];
    private readonly Lock _sync = new();

    public IReadOnlyList<TraceEntry> Entries { get { lock (_sync) return _entries.ToArray(); } }

    public void Add(TraceEntry entry)
    {
        lock (_sync) _entries.Add(entry);
    }
}
