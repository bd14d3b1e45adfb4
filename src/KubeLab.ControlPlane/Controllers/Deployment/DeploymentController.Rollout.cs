using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Meta;
using static KubeLab.ControlPlane.Controllers.Deployment.DeploymentUtil;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

public sealed partial class DeploymentController
{
    private sealed partial class Sync
    {
        /// <summary>rolloutRolling: scale the new set up if room allows, else the old sets down, then report.</summary>
        private async Task<TimeSpan?> RolloutRolling()
        {
            await ReplicaSetsAndRevision(create: true);
            if (await ReconcileNewReplicaSet() || await ReconcileOldReplicaSets()) return await SyncRolloutStatus();
            if (Complete(d, d.Status)) await Cleanup();
            return await SyncRolloutStatus();
        }

        private async Task<bool> ReconcileNewReplicaSet()
        {
            var newRs = _new!;
            if (Replicas(newRs) == Replicas(d)) return false;
            var target = Replicas(newRs) > Replicas(d) ? Replicas(d) : NewReplicaSetReplicas(All, newRs);
            return (await ScaleReplicaSet(newRs, target)).Scaled;
        }

        /// <summary>reconcileOldReplicaSets: never below replicas − maxUnavailable available; unhealthy old pods go first.</summary>
        private async Task<bool> ReconcileOldReplicaSets()
        {
            var oldActive = Active(_old);
            if (SpecReplicas(oldActive) == 0) return false;
            var minAvailable = Replicas(d) - MaxUnavailable(d);
            var newUnavailable = Replicas(_new!) - (_new!.Status.AvailableReplicas ?? 0);
            var maxScaledDown = SpecReplicas(All) - minAvailable - newUnavailable;
            if (maxScaledDown <= 0) return false;

            var cleaned = 0;
            foreach (var rs in ByCreation(oldActive))
            {
                if (cleaned >= maxScaledDown) break;
                var unhealthy = Replicas(rs) - (rs.Status.AvailableReplicas ?? 0);
                if (Replicas(rs) == 0 || unhealthy <= 0) continue;
                var count = Math.Min(maxScaledDown - cleaned, unhealthy);
                await ScaleReplicaSet(rs, Replicas(rs) - count);
                cleaned += count;
            }

            var available = AvailableReplicas(All);
            var scaledDown = 0;
            if (available > minAvailable)
            {
                var total = available - minAvailable;
                foreach (var rs in ByCreation(Active(_old)))
                {
                    if (scaledDown >= total) break;
                    var count = Math.Min(Replicas(rs), total - scaledDown);
                    await ScaleReplicaSet(rs, Replicas(rs) - count);
                    scaledDown += count;
                }
            }
            return cleaned + scaledDown > 0;
        }

        /// <summary>rolloutRecreate: every old pod gone before the new set gets any.</summary>
        private async Task<TimeSpan?> RolloutRecreate()
        {
            await ReplicaSetsAndRevision(create: false);
            var scaledDown = false;
            foreach (var rs in Active(_old))
                scaledDown |= (await ScaleReplicaSet(rs, 0)).Scaled;
            if (scaledDown || controller.OldPodsRunning(_new, _old)) return await SyncRolloutStatus();
            if (_new is null) await ReplicaSetsAndRevision(create: true);
            await ScaleReplicaSet(_new!, Replicas(d));
            if (Complete(d, d.Status)) await Cleanup();
            return await SyncRolloutStatus();
        }

        /// <summary>isScalingEvent: an active set was sized for a different replica count.</summary>
        private async Task<bool> IsScalingEvent()
        {
            await ReplicaSetsAndRevision(create: false);
            return Active(All).Any(rs => DesiredReplicas(rs) is { } desired && desired != Replicas(d));
        }

        /// <summary>scale: the only active set takes the full count; otherwise the change is shared out proportionally.</summary>
        private async Task Scale()
        {
            var newestFirst = _old.OrderByDescending(rs => rs.Metadata.CreationTimestamp).ToList();
            var active = Active(All);
            ReplicaSet? activeOrLatest = active.Count switch
            {
                0 => _new ?? newestFirst.FirstOrDefault(),
                1 => active[0],
                _ => null,
            };
            if (activeOrLatest is not null)
            {
                if (Replicas(activeOrLatest) != Replicas(d)) await ScaleReplicaSet(activeOrLatest, Replicas(d));
                return;
            }
            if (_new is { } n && Replicas(n) == Replicas(d) && DesiredReplicas(n) == Replicas(d) && (n.Status.AvailableReplicas ?? 0) == Replicas(d))
            {
                foreach (var rs in Active(_old)) await ScaleReplicaSet(rs, 0);
                return;
            }
            if (!IsRollingUpdate(d)) return;

            var allowed = Replicas(d) > 0 ? Replicas(d) + MaxSurge(d) : 0;
            var toAdd = allowed - SpecReplicas(active);
            var ordered = toAdd > 0
                ? active.OrderByDescending(Replicas).ThenByDescending(rs => rs.Metadata.CreationTimestamp).ToList()
                : active.OrderByDescending(Replicas).ThenBy(rs => rs.Metadata.CreationTimestamp).ToList();
            var added = 0;
            var sizes = new Dictionary<string, int>();
            foreach (var rs in ordered)
            {
                var proportion = toAdd == 0 ? 0 : Proportion(rs, toAdd, added);
                sizes[rs.Metadata.Name!] = Replicas(rs) + proportion;
                added += proportion;
            }
            for (var i = 0; i < ordered.Count; i++)
            {
                var rs = ordered[i];
                if (i == 0 && toAdd != 0) sizes[rs.Metadata.Name!] = Math.Max(0, sizes[rs.Metadata.Name!] + toAdd - added);
                await ScaleReplicaSet(rs, sizes[rs.Metadata.Name!], onlyIfSizeDiffers: false);
            }
        }

        /// <summary>GetReplicaSetProportion: this set's share of the change, by its size relative to the last max-replicas.</summary>
        private int Proportion(ReplicaSet rs, int toAdd, int added)
        {
            if (Replicas(rs) == 0 || toAdd == added) return 0;
            int fraction;
            if (Replicas(d) == 0) fraction = -Replicas(rs);
            else
            {
                var annotated = MaxReplicas(rs) ?? d.Status.Replicas ?? 0;
                fraction = annotated == 0 ? 0 : (int)Math.Round(Replicas(rs) * (double)(Replicas(d) + MaxSurge(d)) / annotated, MidpointRounding.AwayFromZero) - Replicas(rs);
            }
            var allowedChange = toAdd - added;
            return toAdd > 0 ? Math.Min(fraction, allowedChange) : Math.Max(fraction, allowedChange);
        }

        /// <summary>cleanupDeployment: delete the oldest idle replica sets beyond revisionHistoryLimit.</summary>
        private async Task Cleanup()
        {
            var limit = d.Spec.RevisionHistoryLimit ?? 10;
            var cleanable = _old.Where(rs => rs.Metadata.DeletionTimestamp is null).OrderBy(Revision).ToList();
            var excess = cleanable.Count - limit;
            foreach (var rs in cleanable.Take(Math.Max(0, excess)))
            {
                if (rs.Status.Replicas != 0 || Replicas(rs) != 0 || (rs.Metadata.Generation ?? 0) > (rs.Status.ObservedGeneration ?? 0)) continue;
                await controller._api.DeleteAsync(Path(rs), new DeleteOptions(), cancellationToken);
            }
        }
    }
}
