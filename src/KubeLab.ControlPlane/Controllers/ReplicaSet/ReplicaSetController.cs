using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Controllers.Events;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Selection;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Storage;
using Rs = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

namespace KubeLab.ControlPlane.Controllers.ReplicaSet;

/// <summary>
/// kube-controller-manager's replica set controller, as service account <c>replicaset-controller</c>: it
/// claims the pods its selector matches, creates pods from the template (named <c>&lt;set&gt;-&lt;5 chars&gt;</c>,
/// in slow-start batches) or deletes the least valuable ones until the count is right, and reports
/// replicas, ready and available counts through <c>replicasets/status</c>.
/// </summary>
public sealed class ReplicaSetController : IController
{
    private readonly Cluster _cluster;
    private readonly ApiClient _api;
    private readonly Lister _lister;
    private readonly EventRecorder _events;

    public ReplicaSetController(Cluster cluster, EventSequence sequence)
    {
        _cluster = cluster;
        _api = new ApiClient(cluster, "replicaset-controller");
        _lister = new Lister(cluster.Store);
        _events = new EventRecorder(_api, sequence, "replicaset-controller");
    }

    public string Name => "replicaset-controller";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store)
    {
        if (change.Resource == "replicasets") return [change.Object.Key];
        if (change.Resource != "pods") return [];
        var ns = change.Object.Object.Metadata.Namespace;
        var owner = ControllerRef.Of(change.Object.Object) ?? (change.Previous is { } p ? ControllerRef.Of(p.Object) : null);
        if (owner is not null) return owner.Kind == "ReplicaSet" ? [$"{ns}/{owner.Name}"] : [];
        if (change.Type == WatchEventType.Deleted || change.Object.Object is not Pod pod || !ActivePodRank.IsActive(pod)) return [];
        return store.List("replicasets", ns + "/").Items
            .Where(s => LabelSelectorQuery.FromSelector(((Rs)s.Object).Spec.Selector).Matches(pod.Metadata.Labels))
            .Select(s => s.Key).ToList();
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var slash = key.IndexOf('/');
        var rs = _lister.Get<Rs>("replicasets", key[..slash], key[(slash + 1)..]);
        if (rs is null) return null;
        try
        {
            var pods = await ClaimPods(rs, cancellationToken);
            string? failure = null;
            if (rs.Metadata.DeletionTimestamp is null) failure = await ManageReplicas(rs, pods, cancellationToken);
            if (failure is null && rs.Metadata.DeletionTimestamp is null) pods = await ClaimPods(rs, cancellationToken);
            var now = _cluster.Services.Now();
            await UpdateStatus(rs, pods, failure, now, cancellationToken);
            var minReady = rs.Spec.MinReadySeconds ?? 0;
            return minReady > 0 && pods.Any(p => ActivePodRank.IsReady(p) && !ActivePodRank.IsAvailable(p, minReady, now))
                ? TimeSpan.FromSeconds(minReady)
                : null;
        }
        catch (ApiException e) when (e.Code is 409 or 404)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>ClaimPods: pods controlled by this set that its selector still matches, plus orphans it adopts; others released.</summary>
    private async Task<List<Pod>> ClaimPods(Rs rs, CancellationToken cancellationToken)
    {
        var selector = LabelSelectorQuery.FromSelector(rs.Spec.Selector);
        var claimed = new List<Pod>();
        foreach (var pod in _lister.List<Pod>("pods", rs.Metadata.Namespace).Where(ActivePodRank.IsActive))
        {
            var owner = ControllerRef.Of(pod);
            var matches = selector.Matches(pod.Metadata.Labels);
            if (owner?.Uid == rs.Metadata.Uid)
            {
                if (matches) claimed.Add(pod);
                else await _api.PatchAsync(PodPath(pod), ControllerRef.StrategicMergePatch, ControllerRef.ReleasePatch(rs.Metadata.Uid!, pod), cancellationToken);
            }
            else if (owner is null && matches && rs.Metadata.DeletionTimestamp is null)
            {
                await _api.PatchAsync(PodPath(pod), ControllerRef.StrategicMergePatch, ControllerRef.AdoptPatch(rs, pod), cancellationToken);
                if (_lister.Get<Pod>("pods", pod.Metadata.Namespace, pod.Metadata.Name!) is { } adopted) claimed.Add(adopted);
            }
        }
        return claimed;
    }

    /// <summary>manageReplicas: create or delete the difference; returns the error that stopped it, if any.</summary>
    private async Task<string?> ManageReplicas(Rs rs, List<Pod> pods, CancellationToken cancellationToken)
    {
        var wanted = rs.Spec.Replicas ?? 1;
        var diff = pods.Count - wanted;
        var now = _cluster.Services.Clock.GetUtcNow();
        if (diff < 0)
        {
            // slowStartBatch: 1, 2, 4… pods at a time, stopping at the first failure.
            var remaining = -diff;
            for (var batch = 1; remaining > 0; batch *= 2)
            {
                var size = Math.Min(batch, remaining);
                for (var i = 0; i < size; i++)
                {
                    try
                    {
                        var created = await _api.CreateAsync($"/api/v1/namespaces/{rs.Metadata.Namespace}/pods", PodFromTemplate(rs), cancellationToken);
                        await _events.NormalAsync(rs, "SuccessfulCreate", $"Created pod: {created.Metadata.Name}", now, cancellationToken);
                    }
                    catch (ApiException e)
                    {
                        await _events.WarningAsync(rs, "FailedCreate", $"Error creating: {e.Message}", now, cancellationToken);
                        return e.Message;
                    }
                }
                remaining -= size;
            }
        }
        else if (diff > 0)
        {
            foreach (var pod in ActivePodRank.DeletionOrder(pods).Take(diff))
            {
                if (await _api.DeleteAsync(PodPath(pod), new DeleteOptions(), cancellationToken))
                    await _events.NormalAsync(rs, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}", now, cancellationToken);
            }
        }
        return null;
    }

    /// <summary>controller.GetPodFromTemplate: the template's labels, annotations and spec, named after the set, owned by it.</summary>
    private static Pod PodFromTemplate(Rs rs)
    {
        var template = System.Text.Json.JsonSerializer.Deserialize<PodTemplateSpec>(KubeJson.Serialize(rs.Spec.Template), KubeJson.Options)!;
        return new Pod
        {
            Kind = "Pod",
            ApiVersion = "v1",
            Metadata = new ObjectMeta
            {
                GenerateName = rs.Metadata.Name + "-",
                Namespace = rs.Metadata.Namespace,
                Labels = template.Metadata.Labels,
                Annotations = template.Metadata.Annotations,
                Finalizers = template.Metadata.Finalizers,
                OwnerReferences = [ControllerRef.For(rs)],
            },
            Spec = template.Spec,
        };
    }

    /// <summary>calculateStatus and updateReplicaSetStatus: counts, observedGeneration, and ReplicaFailure while creating fails.</summary>
    private async Task UpdateStatus(Rs rs, List<Pod> pods, string? failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = LabelSelectorQuery.FromMatchLabels(rs.Spec.Template.Metadata.Labels);
        var minReady = rs.Spec.MinReadySeconds ?? 0;
        var status = new ReplicaSetStatus
        {
            Replicas = pods.Count,
            FullyLabeledReplicas = NullIfZero(pods.Count(p => template.Matches(p.Metadata.Labels))),
            ReadyReplicas = NullIfZero(pods.Count(ActivePodRank.IsReady)),
            AvailableReplicas = NullIfZero(pods.Count(p => ActivePodRank.IsAvailable(p, minReady, now))),
            ObservedGeneration = rs.Metadata.Generation,
            Conditions = rs.Status.Conditions,
        };
        var existing = status.Conditions?.FirstOrDefault(c => c.Type == "ReplicaFailure");
        if (failure is not null && existing is null)
        {
            var reason = pods.Count < (rs.Spec.Replicas ?? 1) ? "FailedCreate" : "FailedDelete";
            status.Conditions = [.. status.Conditions ?? [], new WorkloadCondition { Type = "ReplicaFailure", Status = "True", LastTransitionTime = now, Reason = reason, Message = failure }];
        }
        else if (failure is null && existing is not null)
        {
            status.Conditions = status.Conditions!.Where(c => c.Type != "ReplicaFailure").ToList();
            if (status.Conditions.Count == 0) status.Conditions = null;
        }
        if (KubeJson.Serialize(status).AsSpan().SequenceEqual(KubeJson.Serialize(rs.Status))) return;
        rs.Status = status;
        await _api.UpdateAsync($"/apis/apps/v1/namespaces/{rs.Metadata.Namespace}/replicasets/{rs.Metadata.Name}/status", rs, cancellationToken);
    }

    private static string PodPath(Pod pod) => $"/api/v1/namespaces/{pod.Metadata.Namespace}/pods/{pod.Metadata.Name}";

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
