using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Controllers.Events;

/// <summary>
/// client-go's event recorder as a component uses it: core/v1 Events named <c>&lt;object&gt;.&lt;hex nanoseconds&gt;</c>,
/// a repeat of the same event counted on the existing object rather than written again, and failures
/// dropped (an event is never worth failing the work it describes, e.g. in a terminating namespace).
/// </summary>
public sealed class EventRecorder
{
    private readonly ApiClient _api;
    private readonly EventSequence _sequence;
    private readonly EventSource _source;
    private readonly Dictionary<string, Event> _seen = [];
    private readonly Lock _sync = new();

    public EventRecorder(ApiClient api, EventSequence sequence, string component, string? host = null)
    {
        _api = api;
        _sequence = sequence;
        _source = new EventSource { Component = component, Host = host };
    }

    public Task NormalAsync(KubeObject regarding, string reason, string message, DateTimeOffset at, CancellationToken cancellationToken, string? fieldPath = null) =>
        RecordAsync(regarding, "Normal", reason, message, at, cancellationToken, fieldPath);

    public Task WarningAsync(KubeObject regarding, string reason, string message, DateTimeOffset at, CancellationToken cancellationToken, string? fieldPath = null) =>
        RecordAsync(regarding, "Warning", reason, message, at, cancellationToken, fieldPath);

    public async Task RecordAsync(KubeObject regarding, string type, string reason, string message, DateTimeOffset at,
        CancellationToken cancellationToken, string? fieldPath = null)
    {
        var reference = Reference(regarding, fieldPath);
        var key = string.Join("\0", reference.Uid, fieldPath, type, reason, message);
        Event? previous;
        lock (_sync) _seen.TryGetValue(key, out previous);
        try
        {
            var stored = previous is null ? null : await CountAgain(previous, at, cancellationToken);
            stored ??= await _api.CreateAsync(EventsPath(reference.Namespace), NewEvent(reference, type, reason, message, at), cancellationToken);
            lock (_sync)
            {
                // The correlator's cache is an LRU of 4,096 entries; forgetting everything at that size is close enough.
                if (_seen.Count >= 4096) _seen.Clear();
                _seen[key] = stored;
            }
        }
        catch (ApiException)
        {
            // As client-go: "Server rejected event (will not retry!)".
        }
    }

    /// <summary>The correlator's aggregation: same source, object, reason and message → count + 1.</summary>
    private async Task<Event?> CountAgain(Event previous, DateTimeOffset at, CancellationToken cancellationToken)
    {
        previous.Count = (previous.Count ?? 1) + 1;
        previous.LastTimestamp = at;
        try
        {
            return await _api.UpdateAsync($"{EventsPath(previous.Metadata.Namespace)}/{previous.Metadata.Name}", previous, cancellationToken);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            return null;
        }
    }

    private Event NewEvent(ObjectReference reference, string type, string reason, string message, DateTimeOffset at) => new()
    {
        Kind = "Event",
        ApiVersion = "v1",
        Metadata = new ObjectMeta { Name = $"{reference.Name}.{_sequence.Next(at):x}", Namespace = reference.Namespace ?? "default" },
        InvolvedObject = reference,
        Reason = reason,
        Message = message,
        Source = _source,
        FirstTimestamp = at,
        LastTimestamp = at,
        Count = 1,
        Type = type,
        ReportingComponent = _source.Component ?? "",
        ReportingInstance = _source.Host ?? "",
    };

    internal static ObjectReference Reference(KubeObject obj, string? fieldPath) => new()
    {
        Kind = obj.Kind,
        Namespace = obj.Metadata.Namespace,
        Name = obj.Metadata.Name,
        Uid = obj.Metadata.Uid,
        ApiVersion = obj.ApiVersion,
        ResourceVersion = obj.Metadata.ResourceVersion,
        FieldPath = fieldPath,
    };

    internal static string EventsPath(string? ns) => $"/api/v1/namespaces/{ns ?? "default"}/events";
}

/// <summary>
/// Event names end in the recording instant in hex nanoseconds. Two events recorded at one simulated
/// instant would collide, so each name takes the next free nanosecond: unique, and still deterministic.
/// </summary>
public sealed class EventSequence
{
    private readonly Lock _sync = new();
    private long _last;

    public long Next(DateTimeOffset at)
    {
        var nanos = (at - DateTimeOffset.UnixEpoch).Ticks * 100;
        lock (_sync) return _last = Math.Max(nanos, _last + 1);
    }
}
