using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// <c>kubectl get events</c>: LAST SEEN TYPE REASON OBJECT MESSAGE, and with -o wide SUBOBJECT SOURCE
/// (between OBJECT and MESSAGE) and FIRST SEEN COUNT NAME at the end.
/// </summary>
public sealed class EventTableConvertor : ITableConvertor
{
    public static readonly EventTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Column("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        TableColumns.Column("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumns.Column("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumns.Column("Object", "The object that this event is about."),
        TableColumns.Column("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.", priority: 1),
        TableColumns.Column("Source", "The component reporting this event. Should be a short machine understandable string.", priority: 1),
        TableColumns.Column("Message", "A human-readable description of the status of this operation."),
        TableColumns.Column("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", priority: 1),
        TableColumns.Column("Count", "The number of times this event has occurred.", priority: 1),
        TableColumns.Name with { Priority = 1 },
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ev = (Event)obj;
        var firstSeen = Ages.IsZero(ev.FirstTimestamp) ? Ages.SinceMicro(ev.EventTime, now) : Ages.Since(ev.FirstTimestamp, now);
        var lastSeen = Ages.IsZero(ev.LastTimestamp) ? firstSeen : Ages.Since(ev.LastTimestamp, now);
        long count = ev.Count ?? 0;
        if (ev.Series is { } series)
        {
            lastSeen = Ages.SinceMicro(series.LastObservedTime, now);
            count = series.Count ?? 0;
        }
        else if (count == 0)
        {
            count = 1; // events.k8s.io singletons carry no count
        }

        return
        [
            lastSeen,
            ev.Type ?? "",
            ev.Reason ?? "",
            Target(ev.InvolvedObject),
            ev.InvolvedObject.FieldPath ?? "",
            Source(ev),
            (ev.Message ?? "").Trim(),
            firstSeen,
            count,
            ev.Metadata.Name ?? "",
        ];
    }

    /// <summary><c>kind/name</c> with the kind lower-cased, or the kind alone when there is no name.</summary>
    private static string Target(ObjectReference involved)
    {
        var kind = (involved.Kind ?? "").ToLowerInvariant();
        return string.IsNullOrEmpty(involved.Name) ? kind : $"{kind}/{involved.Name}";
    }

    /// <summary><c>component, host</c>, falling back to the reporting controller and instance.</summary>
    private static string Source(Event ev)
    {
        var component = FirstNonEmpty(ev.Source.Component, ev.ReportingComponent);
        var host = FirstNonEmpty(ev.Source.Host, ev.ReportingInstance);
        return host.Length == 0 ? component : $"{component}, {host}";
    }

    private static string FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first : second ?? "";
}
