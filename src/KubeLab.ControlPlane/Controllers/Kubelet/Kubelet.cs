using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Controllers.Events;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>
/// The kubelet of one node, as user <c>system:node:&lt;node&gt;</c>: it runs the pods bound to its node
/// (<see cref="PodWorker"/>), reports their status through <c>pods/status</c>, records events, and when a pod
/// is deleted stops its containers and confirms with a zero-grace DELETE. It also serves container logs.
/// </summary>
public sealed class Kubelet : IController
{
    private readonly Cluster _cluster;
    private readonly ApiClient _api;
    private readonly Lister _lister;
    private readonly EventRecorder _events;
    private readonly NodeRuntime _node;
    private readonly Dictionary<string, PodWorker> _workers = new(StringComparer.Ordinal);

    /// <summary>
    /// Pods (by uid) this kubelet has given its final delete: one that a finalizer keeps in the API is done with here,
    /// and is not started again (which would report a new status, delete again, and go round at one instant).
    /// </summary>
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public Kubelet(Cluster cluster, Node node, EventSequence sequence)
    {
        _cluster = cluster;
        NodeName = node.Metadata.Name!;
        _api = new ApiClient(cluster, ControllerIdentity.Kubelet(NodeName));
        _lister = new Lister(cluster.Store);
        _events = new EventRecorder(_api, sequence, "kubelet", NodeName);
        var hostIp = node.Status.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address ?? "";
        var cpus = node.Status.Capacity?.TryGetValue("cpu", out var cpu) == true && int.TryParse(cpu.Value, out var n) ? n : 1;
        _node = new NodeRuntime(NodeName, hostIp, node.Spec.PodCidr ?? "10.244.0.0/24", cpus, cluster.Services.Ids);
    }

    public string NodeName { get; }
    public string Name => $"kubelet/{NodeName}";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store)
    {
        if (change.Resource != "pods") return [];
        var mine = change.Object.Object is Pod { Spec.NodeName: var node } && node == NodeName
                   || change.Previous?.Object is Pod { Spec.NodeName: var before } && before == NodeName;
        return mine ? [change.Object.Key] : [];
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var slash = key.IndexOf('/');
        var pod = _lister.Get<Pod>("pods", key[..slash], key[(slash + 1)..]);
        var now = _cluster.Services.Clock.GetUtcNow();
        List<WorkerBatch> batches;
        PodWorker worker;
        lock (_sync)
        {
            _workers.TryGetValue(key, out var existing);
            if (pod is null || pod.Spec.NodeName != NodeName || (existing is null && (IsFinished(pod) || _removed.Contains(pod.Metadata.Uid ?? ""))))
            {
                Forget(key);
                return null;
            }
            batches = [];
            if (existing is null || existing.Uid != pod.Metadata.Uid)
            {
                Forget(key);
                existing = new PodWorker(pod, _node, now);
                _workers[key] = existing;
                batches.Add(existing.Accepted());
            }
            worker = existing;
            batches.AddRange(worker.Advance(pod, now));
        }

        foreach (var batch in batches)
        {
            foreach (var e in batch.Events)
                await _events.RecordAsync(pod, e.Type, e.Reason, e.Message, batch.At, cancellationToken, e.FieldPath);
            pod = await WriteStatus(pod, batch, cancellationToken);
            if (pod is null || batch.RemovePod)
            {
                if (pod is not null)
                {
                    lock (_sync) _removed.Add(pod.Metadata.Uid ?? "");
                    await Remove(pod, cancellationToken);
                }
                lock (_sync) Forget(key);
                return null;
            }
        }
        if (worker.Finished) lock (_sync) _node.PodIps.Release(worker.Uid);
        return worker.NextStep is { } next ? Max(next - now, TimeSpan.Zero) : null;
    }

    /// <summary>Logs of a container of a pod running here, or null if the node has no such instance.</summary>
    public LogSource? Logs(string ns, string name, string container, bool previous)
    {
        lock (_sync) return _workers.TryGetValue($"{ns}/{name}", out var worker) ? worker.Logs(container, previous) : null;
    }

    /// <summary>PUT pods/status when the generated status differs from the stored one; the stored pod back, or null if it is gone.</summary>
    private async Task<Pod?> WriteStatus(Pod? pod, WorkerBatch batch, CancellationToken cancellationToken)
    {
        if (pod is null) return null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var status = PodStatusMerge.Merge(Clone(batch.Status), pod.Status, batch.At);
            if (Same(status, pod.Status)) return pod;
            var update = Clone(pod);
            update.Status = status;
            try
            {
                return await _api.UpdateAsync($"/api/v1/namespaces/{pod.Metadata.Namespace}/pods/{pod.Metadata.Name}/status", update, cancellationToken);
            }
            catch (ApiException e) when (e.Code == 409)
            {
                var fresh = _lister.Get<Pod>("pods", pod.Metadata.Namespace, pod.Metadata.Name!);
                if (fresh is null || fresh.Metadata.Uid != pod.Metadata.Uid) return null;
                pod = fresh;
            }
            catch (ApiException e) when (e.Code == 404)
            {
                return null;
            }
        }
        return pod;
    }

    /// <summary>The kubelet's final word on a pod: a zero-grace DELETE, for this uid only.</summary>
    private Task<bool> Remove(Pod pod, CancellationToken cancellationToken) =>
        _api.DeleteAsync($"/api/v1/namespaces/{pod.Metadata.Namespace}/pods/{pod.Metadata.Name}",
            new DeleteOptions { GracePeriodSeconds = 0, Preconditions = new Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken);

    private void Forget(string key)
    {
        if (_workers.Remove(key, out var worker)) _node.PodIps.Release(worker.Uid);
    }

    /// <summary>A pod that ended before this kubelet knew it (or was deleted while terminal) needs nothing more.</summary>
    private static bool IsFinished(Pod pod) => pod.Status.Phase is "Succeeded" or "Failed" && pod.Metadata.DeletionTimestamp is null;

    private static bool Same(PodStatus a, PodStatus b) =>
        KubeJson.Serialize(a).AsSpan().SequenceEqual(KubeJson.Serialize(b));

    private static T Clone<T>(T value) where T : class =>
        System.Text.Json.JsonSerializer.Deserialize<T>(KubeJson.Serialize(value), KubeJson.Options)!;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
