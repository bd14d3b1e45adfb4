using System.Text.Json;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;
using static KubeLab.ControlPlane.Controllers.Deployment.DeploymentUtil;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

public sealed partial class DeploymentController
{
    /// <summary>One pass of syncDeployment over one deployment and the replica sets it owns.</summary>
    private sealed partial class Sync(DeploymentController controller, Api.Apps.Deployment d, List<ReplicaSet> replicaSets, CancellationToken cancellationToken)
    {
        private ReplicaSet? _new;
        private List<ReplicaSet> _old = [];
        private bool _split;
        private DateTimeOffset Now => controller._cluster.Services.Now();

        private IEnumerable<ReplicaSet> All => _old.Append(_new).OfType<ReplicaSet>();

        public async Task<TimeSpan?> Run()
        {
            if (d.Metadata.DeletionTimestamp is not null)
            {
                await ReplicaSetsAndRevision(create: false);
                await WriteStatusIfChanged(CalculateStatus());
                return null;
            }
            await CheckPausedConditions();
            if (d.Spec.Paused == true || await IsScalingEvent())
            {
                await ReplicaSetsAndRevision(create: false);
                await Scale();
                if (d.Spec.Paused == true) await Cleanup();
                await WriteStatusIfChanged(CalculateStatus());
                return null;
            }
            return d.Spec.Strategy.Type == "Recreate" ? await RolloutRecreate() : await RolloutRolling();
        }

        /// <summary>getAllReplicaSetsAndSyncRevision: split new from old, creating the new set if asked.</summary>
        private async Task ReplicaSetsAndRevision(bool create)
        {
            if (_split)
            {
                if (create && _new is null) _new = await NewReplicaSet(create: true);
                return;
            }
            _split = true;
            _new = FindNew(d, replicaSets);
            _old = replicaSets.Where(rs => rs != _new).ToList();
            _new = await NewReplicaSet(create);
        }

        private async Task<ReplicaSet?> NewReplicaSet(bool create)
        {
            var newRevision = _old.Select(Revision).DefaultIfEmpty(0).Max() + 1;
            if (_new is { } existing)
            {
                var copy = Clone(existing);
                if (SetNewReplicaSetAnnotations(d, copy, newRevision, exists: true) || copy.Spec.MinReadySeconds != d.Spec.MinReadySeconds)
                {
                    copy.Spec.MinReadySeconds = d.Spec.MinReadySeconds;
                    return await controller._api.UpdateAsync(Path(copy), copy, cancellationToken);
                }
                var needsUpdate = SetDeploymentRevision(copy.Metadata.Annotations?.GetValueOrDefault(RevisionAnnotation));
                if (d.Spec.ProgressDeadlineSeconds is not null && DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing) is null)
                {
                    DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                        DeploymentConditions.FoundNewReplicaSetReason, $"Found new replica set \"{copy.Metadata.Name}\"", Now));
                    needsUpdate = true;
                }
                if (needsUpdate) await UpdateStatus();
                return copy;
            }
            if (!create) return null;

            var template = Clone(d.Spec.Template);
            var hash = PodTemplateHash.Compute(d.Spec.Template, d.Status.CollisionCount);
            template.Metadata.Labels = new Dictionary<string, string>(template.Metadata.Labels ?? []) { [PodTemplateHash.Label] = hash };
            var selector = Clone(d.Spec.Selector ?? new LabelSelector());
            selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? []) { [PodTemplateHash.Label] = hash };
            var rs = new ReplicaSet
            {
                Kind = "ReplicaSet",
                ApiVersion = "apps/v1",
                Metadata = new ObjectMeta
                {
                    Name = $"{d.Metadata.Name}-{hash}",
                    Namespace = d.Metadata.Namespace,
                    OwnerReferences = [ControllerRef.For(d)],
                    Labels = new Dictionary<string, string>(template.Metadata.Labels),
                },
                Spec = new ReplicaSetSpec { Replicas = 0, MinReadySeconds = d.Spec.MinReadySeconds, Selector = selector, Template = template },
            };
            rs.Spec.Replicas = NewReplicaSetReplicas([.. _old, rs], rs);
            SetNewReplicaSetAnnotations(d, rs, newRevision, exists: false);
            ReplicaSet created;
            try
            {
                created = await controller._api.CreateAsync($"/apis/apps/v1/namespaces/{d.Metadata.Namespace}/replicasets", rs, cancellationToken);
            }
            catch (ApiException e) when (e.Code == 409 && controller._lister.Get<ReplicaSet>("replicasets", d.Metadata.Namespace, rs.Metadata.Name!) is { } clash
                                         && !EqualIgnoreHash(clash.Spec.Template, d.Spec.Template))
            {
                // A hash collision: another template already has this name. Count it, and the next pass hashes differently.
                d.Status.CollisionCount = (d.Status.CollisionCount ?? 0) + 1;
                await UpdateStatus();
                throw;
            }
            catch (ApiException e) when (e.Code != 409)
            {
                var message = $"Failed to create new replica set \"{rs.Metadata.Name}\": {e.Message}";
                if (d.Spec.ProgressDeadlineSeconds is not null)
                {
                    DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "False", "ReplicaSetCreateError", message, Now));
                    await UpdateStatus();
                }
                await controller._events.WarningAsync(d, "ReplicaSetCreateError", message, controller._cluster.Services.Clock.GetUtcNow(), cancellationToken);
                throw;
            }
            if (Replicas(created) > 0)
                await Event($"Scaled up replica set {created.Metadata.Name} from 0 to {Replicas(created)}");
            SetDeploymentRevision(newRevision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (d.Spec.ProgressDeadlineSeconds is not null)
                DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                    DeploymentConditions.NewReplicaSetReason, $"Created new replica set \"{created.Metadata.Name}\"", Now));
            await UpdateStatus();
            return created;
        }

        /// <summary>NewRSNewReplicas: a rolling update grows the new set only as far as maxSurge allows.</summary>
        private int NewReplicaSetReplicas(IEnumerable<ReplicaSet> all, ReplicaSet newRs)
        {
            if (!IsRollingUpdate(d)) return Replicas(d);
            var maxTotal = Replicas(d) + MaxSurge(d);
            var current = SpecReplicas(all);
            if (current >= maxTotal) return Replicas(newRs);
            return Replicas(newRs) + Math.Min(maxTotal - current, Replicas(d) - Replicas(newRs));
        }

        private bool SetDeploymentRevision(string? revision)
        {
            if (revision is null || d.Metadata.Annotations?.GetValueOrDefault(RevisionAnnotation) == revision) return false;
            (d.Metadata.Annotations ??= [])[RevisionAnnotation] = revision;
            return true;
        }

        /// <summary>scaleReplicaSetAndRecordEvent: a new size (and the replica annotations) in one update, and the ScalingReplicaSet event.</summary>
        private async Task<(bool Scaled, ReplicaSet Set)> ScaleReplicaSet(ReplicaSet rs, int newScale, bool onlyIfSizeDiffers = true)
        {
            if (onlyIfSizeDiffers && Replicas(rs) == newScale) return (false, rs);
            var max = Replicas(d) + MaxSurge(d);
            var sizeChanges = Replicas(rs) != newScale;
            if (!sizeChanges && !ReplicasAnnotationsNeedUpdate(rs, Replicas(d), max)) return (false, rs);
            var oldScale = Replicas(rs);
            var copy = Clone(rs);
            copy.Spec.Replicas = newScale;
            SetReplicasAnnotations(copy, Replicas(d), max);
            var updated = await controller._api.UpdateAsync(Path(copy), copy, cancellationToken);
            Replace(rs, updated);
            if (sizeChanges)
                await Event($"Scaled {(oldScale < newScale ? "up" : "down")} replica set {updated.Metadata.Name} from {oldScale} to {newScale}");
            return (sizeChanges, updated);
        }

        private void Replace(ReplicaSet before, ReplicaSet after)
        {
            if (_new == before) _new = after;
            var index = _old.IndexOf(before);
            if (index >= 0) _old[index] = after;
        }

        private Task Event(string message) =>
            controller._events.NormalAsync(d, "ScalingReplicaSet", message, controller._cluster.Services.Clock.GetUtcNow(), cancellationToken);

        private async Task UpdateStatus()
        {
            var updated = await controller._api.UpdateAsync($"{Path(d)}/status", d, cancellationToken);
            d.Metadata = updated.Metadata;
            d.Status = updated.Status;
        }

        private static T Clone<T>(T value) => JsonSerializer.Deserialize<T>(KubeJson.Serialize(value), KubeJson.Options)!;
    }
}
