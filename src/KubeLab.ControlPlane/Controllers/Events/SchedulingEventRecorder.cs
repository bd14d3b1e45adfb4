using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Controllers.Events;

/// <summary>
/// kube-scheduler records through the events.k8s.io/v1 API. Read back as core/v1 (what <c>kubectl describe</c>
/// lists) such an event has an <c>eventTime</c> and an <c>action</c> but no first/last timestamps, no count
/// and an empty <c>source</c>; this cluster has no events.k8s.io group, so it writes that core/v1 form.
/// </summary>
public sealed class SchedulingEventRecorder(ApiClient api, EventSequence sequence, string controller, string instance)
{
    public async Task RecordAsync(KubeObject regarding, string type, string reason, string action, string message, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var reference = EventRecorder.Reference(regarding, null);
        var ev = new Event
        {
            Kind = "Event",
            ApiVersion = "v1",
            Metadata = new ObjectMeta { Name = $"{reference.Name}.{sequence.Next(at):x}", Namespace = reference.Namespace },
            InvolvedObject = reference,
            Reason = reason,
            Message = message,
            Type = type,
            EventTime = at,
            Action = action,
            ReportingComponent = controller,
            ReportingInstance = instance,
        };
        try
        {
            await api.CreateAsync(EventRecorder.EventsPath(reference.Namespace), ev, cancellationToken);
        }
        catch (ApiException)
        {
            // Dropped, as the broadcaster drops events the server refuses.
        }
    }
}
