using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Controllers.Events;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Core;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers.Scheduler;

/// <summary>
/// kube-scheduler as user <c>system:kube-scheduler</c>: for each pod of the default scheduler without a
/// node, filter the nodes (<see cref="NodeFit"/>), pick the one with the fewest pods (ties by name, where
/// the real scheduler picks at random), POST the <c>binding</c> and record <c>Scheduled</c>. A pod that
/// fits nowhere gets PodScheduled=False/Unschedulable and a FailedScheduling event, and is retried when
/// nodes change or a pod leaves.
/// </summary>
public sealed class Scheduler : IController
{
    public const string DefaultScheduler = "default-scheduler";
    private static readonly TimeSpan RetryUnschedulable = TimeSpan.FromMinutes(5);

    private readonly Cluster _cluster;
    private readonly ApiClient _api;
    private readonly Lister _lister;
    private readonly SchedulingEventRecorder _events;

    public Scheduler(Cluster cluster, EventSequence sequence)
    {
        _cluster = cluster;
        _api = new ApiClient(cluster, ControllerIdentity.Scheduler);
        _lister = new Lister(cluster.Store);
        _events = new SchedulingEventRecorder(_api, sequence, DefaultScheduler, "default-scheduler-control-plane");
    }

    public string Name => DefaultScheduler;
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store)
    {
        if (change.Resource == "pods")
        {
            // Only a change that could make a pod fit brings it back (the scheduling queue's hints): not its status.
            if (change.Type != WatchEventType.Deleted && change.Object.Object is Pod pod && WaitsForUs(pod)
                && (change.Previous?.Object is not Pod before || SchedulingInputsChanged(before, pod))) return [change.Object.Key];
            // A pod leaving a node frees room: unschedulable pods get another chance.
            if (change.Type == WatchEventType.Deleted && change.Previous?.Object is Pod { Spec.NodeName: { Length: > 0 } }) return Pending(store);
            return [];
        }
        return change.Resource == "nodes" ? Pending(store) : [];
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var slash = key.IndexOf('/');
        var pod = _lister.Get<Pod>("pods", key[..slash], key[(slash + 1)..]);
        if (pod is null || !WaitsForUs(pod)) return null;
        var now = _cluster.Services.Now();
        if (pod.Spec.SchedulingGates is { Count: > 0 })
        {
            await SetUnscheduled(pod, "SchedulingGated", "Scheduling is blocked due to non-empty scheduling gates", now, cancellationToken);
            return null;
        }

        var nodes = _lister.List<Node>("nodes");
        var pods = _lister.List<Pod>("pods").Where(p => !string.IsNullOrEmpty(p.Spec.NodeName) && p.Status.Phase is not ("Succeeded" or "Failed")).ToList();
        var verdicts = nodes.Select(n => (Node: n, Reasons: NodeFit.Check(pod, n, pods.Where(p => p.Spec.NodeName == n.Metadata.Name)))).ToList();
        var chosen = verdicts.Where(v => v.Reasons.Count == 0)
            .OrderBy(v => pods.Count(p => p.Spec.NodeName == v.Node.Metadata.Name))
            .ThenBy(v => v.Node.Metadata.Name, StringComparer.Ordinal)
            .Select(v => v.Node.Metadata.Name).FirstOrDefault();
        if (chosen is null)
        {
            var message = NodeFit.Message(nodes.Count, verdicts.Select(v => v.Reasons).ToList());
            await _events.RecordAsync(pod, "Warning", "FailedScheduling", "Scheduling", message, _cluster.Services.Clock.GetUtcNow(), cancellationToken);
            await SetUnscheduled(pod, "Unschedulable", message, now, cancellationToken);
            return RetryUnschedulable;
        }

        var binding = new Binding
        {
            Kind = "Binding",
            ApiVersion = "v1",
            Metadata = new ObjectMeta { Name = pod.Metadata.Name, Namespace = pod.Metadata.Namespace, Uid = pod.Metadata.Uid },
            Target = new ObjectReference { Kind = "Node", Name = chosen },
        };
        try
        {
            await _api.SendAsync<Status>(HttpMethod.Post, $"/api/v1/namespaces/{pod.Metadata.Namespace}/pods/{pod.Metadata.Name}/binding", binding, cancellationToken);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            return null; // Deleted, or bound by someone else, in the meantime.
        }
        await _events.RecordAsync(pod, "Normal", "Scheduled", "Binding",
            $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {chosen}", _cluster.Services.Clock.GetUtcNow(), cancellationToken);
        return null;
    }

    /// <summary>PodScheduled=False with the reason, written through <c>pods/status</c> when it changes.</summary>
    private async Task SetUnscheduled(Pod pod, string reason, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = pod.Status.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        if (existing is { Status: "False" } && existing.Reason == reason && existing.Message == message) return;
        PodConditions.Set(pod.Status, new PodCondition { Type = "PodScheduled", Status = "False", Reason = reason, Message = message }, now);
        try
        {
            await _api.UpdateAsync($"/api/v1/namespaces/{pod.Metadata.Namespace}/pods/{pod.Metadata.Name}/status", pod, cancellationToken);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone or changed: the next pass sees the new state.
        }
    }

    private static bool WaitsForUs(Pod pod) =>
        string.IsNullOrEmpty(pod.Spec.NodeName) && pod.Metadata.DeletionTimestamp is null
        && (pod.Spec.SchedulerName ?? DefaultScheduler) == DefaultScheduler
        && pod.Status.Phase is not ("Succeeded" or "Failed");

    private static bool SchedulingInputsChanged(Pod before, Pod after) =>
        !Serialization.KubeJson.Serialize(before.Spec).AsSpan().SequenceEqual(Serialization.KubeJson.Serialize(after.Spec))
        || !Serialization.KubeJson.Serialize(before.Metadata.Labels ?? []).AsSpan().SequenceEqual(Serialization.KubeJson.Serialize(after.Metadata.Labels ?? []));

    private static IEnumerable<string> Pending(VersionedStore store) =>
        store.List("pods").Items.Where(s => s.Object is Pod p && WaitsForUs(p)).Select(s => s.Key).ToList();
}
