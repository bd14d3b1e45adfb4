using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

/// <summary>core/v1 Event, the form <c>kubectl describe</c> and <c>kubectl get events</c> read.</summary>
public sealed class Event : KubeObject
{
    [Proto(2), EmitEmpty] public ObjectReference InvolvedObject { get; set; } = new();
    [Proto(3)] public string? Reason { get; set; }
    [Proto(4)] public string? Message { get; set; }
    [Proto(5), EmitEmpty] public EventSource Source { get; set; } = new();
    [Proto(6), EmitEmpty] public DateTimeOffset? FirstTimestamp { get; set; }
    [Proto(7), EmitEmpty] public DateTimeOffset? LastTimestamp { get; set; }
    [Proto(8)] public int? Count { get; set; }
    [Proto(9)] public string? Type { get; set; }
    [Proto(10), EmitEmpty, MicroTime] public DateTimeOffset? EventTime { get; set; }
    [Proto(11)] public EventSeries? Series { get; set; }
    [Proto(12)] public string? Action { get; set; }
    [Proto(13)] public ObjectReference? Related { get; set; }
    [Proto(14), EmitEmpty] public string ReportingComponent { get; set; } = "";
    [Proto(15), EmitEmpty] public string ReportingInstance { get; set; } = "";
}

public sealed class EventSource
{
    [Proto(1)] public string? Component { get; set; }
    [Proto(2)] public string? Host { get; set; }
}

public sealed class EventSeries
{
    [Proto(1)] public int? Count { get; set; }
    [Proto(2), MicroTime] public DateTimeOffset? LastObservedTime { get; set; }
}
