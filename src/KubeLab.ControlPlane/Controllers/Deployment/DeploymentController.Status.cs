using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Serialization;
using static KubeLab.ControlPlane.Controllers.Deployment.DeploymentUtil;
using C = KubeLab.ControlPlane.Controllers.Deployment.DeploymentConditions;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

public sealed partial class DeploymentController
{
    private sealed partial class Sync
    {
        /// <summary>calculateStatus: counts from the replica sets' statuses, and the Available condition.</summary>
        private DeploymentStatus CalculateStatus()
        {
            var available = AvailableReplicas(All);
            var unavailable = Math.Max(0, SpecReplicas(All) - available);
            var status = new DeploymentStatus
            {
                ObservedGeneration = d.Metadata.Generation,
                Replicas = NullIfZero(StatusReplicas(All)),
                UpdatedReplicas = NullIfZero(_new?.Status.Replicas ?? 0),
                ReadyReplicas = NullIfZero(ReadyReplicas(All)),
                AvailableReplicas = NullIfZero(available),
                UnavailableReplicas = NullIfZero(unavailable),
                CollisionCount = d.Status.CollisionCount,
                Conditions = d.Status.Conditions?.Select(Clone).ToList(),
            };
            C.Set(status, available >= Replicas(d) - MaxUnavailable(d)
                ? C.New(C.Available, "True", C.MinimumReplicasAvailable, "Deployment has minimum availability.", Now)
                : C.New(C.Available, "False", C.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", Now));
            return status;
        }

        /// <summary>syncRolloutStatus: the Progressing condition follows the rollout until it completes or times out.</summary>
        private async Task<TimeSpan?> SyncRolloutStatus()
        {
            var status = CalculateStatus();
            var hasDeadline = d.Spec.ProgressDeadlineSeconds is not null;
            if (!hasDeadline) C.Remove(status, C.Progressing);
            var current = C.Get(d.Status, C.Progressing);
            var complete = status.Replicas == status.UpdatedReplicas && current?.Reason == C.NewReplicaSetAvailableReason;
            var what = _new is null ? $"Deployment \"{d.Metadata.Name}\"" : $"ReplicaSet \"{_new.Metadata.Name}\"";
            if (hasDeadline && !complete)
            {
                if (Complete(d, status))
                    C.Set(status, C.New(C.Progressing, "True", C.NewReplicaSetAvailableReason, $"{what} has successfully progressed.", Now));
                else if (Progressing(status))
                {
                    var condition = C.New(C.Progressing, "True", C.ReplicaSetUpdatedReason, $"{what} is progressing.", Now);
                    if (current is { Status: "True" }) condition.LastTransitionTime = current.LastTransitionTime;
                    C.Remove(status, C.Progressing);
                    C.Set(status, condition);
                }
                else if (TimedOut(status))
                    C.Set(status, C.New(C.Progressing, "False", C.TimedOutReason, $"{what} has timed out progressing.", Now));
            }
            if (All.Select(rs => rs.Status.Conditions?.FirstOrDefault(c => c.Type == "ReplicaFailure")).FirstOrDefault(c => c is not null) is { } failure)
                C.Set(status, new WorkloadCondition { Type = C.ReplicaFailure, Status = failure.Status, LastUpdateTime = failure.LastTransitionTime, LastTransitionTime = failure.LastTransitionTime, Reason = failure.Reason, Message = failure.Message });
            else C.Remove(status, C.ReplicaFailure);

            if (!await WriteStatusIfChanged(status)) return StuckRequeue(status);
            return null;
        }

        /// <summary>DeploymentProgressing: more updated, fewer old, more ready or more available than last reported.</summary>
        private bool Progressing(DeploymentStatus status)
        {
            var oldBefore = (d.Status.Replicas ?? 0) - (d.Status.UpdatedReplicas ?? 0);
            var oldNow = (status.Replicas ?? 0) - (status.UpdatedReplicas ?? 0);
            return (status.UpdatedReplicas ?? 0) > (d.Status.UpdatedReplicas ?? 0) || oldNow < oldBefore
                   || (status.ReadyReplicas ?? 0) > (d.Status.ReadyReplicas ?? 0) || (status.AvailableReplicas ?? 0) > (d.Status.AvailableReplicas ?? 0);
        }

        private bool TimedOut(DeploymentStatus status)
        {
            if (C.Get(status, C.Progressing) is not { } condition) return false;
            if (condition.Reason is C.NewReplicaSetAvailableReason) return false;
            if (condition.Reason is C.TimedOutReason) return true;
            return condition.LastUpdateTime is { } from && from.AddSeconds(d.Spec.ProgressDeadlineSeconds ?? 600) < Now;
        }

        /// <summary>requeueStuckDeployment: look again when the progress deadline would pass.</summary>
        private TimeSpan? StuckRequeue(DeploymentStatus status)
        {
            if (d.Spec.ProgressDeadlineSeconds is not { } seconds || Complete(d, status)) return null;
            if (C.Get(status, C.Progressing) is not { Reason: not C.TimedOutReason, LastUpdateTime: { } from }) return null;
            var after = from.AddSeconds(seconds) - Now;
            return after < TimeSpan.Zero ? TimeSpan.Zero : after + TimeSpan.FromSeconds(1);
        }

        /// <summary>checkPausedConditions: Progressing=Unknown while paused, and once more on resume.</summary>
        private async Task CheckPausedConditions()
        {
            var condition = C.Get(d.Status, C.Progressing);
            if (condition?.Reason == C.TimedOutReason || d.Spec.ProgressDeadlineSeconds is null) return;
            var pausedShown = condition?.Reason == C.PausedReason;
            if (d.Spec.Paused == true && !pausedShown)
                C.Set(d.Status, C.New(C.Progressing, "Unknown", C.PausedReason, "Deployment is paused", Now));
            else if (d.Spec.Paused != true && pausedShown)
                C.Set(d.Status, C.New(C.Progressing, "Unknown", C.ResumedReason, "Deployment is resumed", Now));
            else return;
            await UpdateStatus();
        }

        /// <summary>Writes status through <c>deployments/status</c> unless nothing changed; true if it wrote.</summary>
        private async Task<bool> WriteStatusIfChanged(DeploymentStatus status)
        {
            if (KubeJson.Serialize(status).AsSpan().SequenceEqual(KubeJson.Serialize(d.Status))) return false;
            d.Status = status;
            await UpdateStatus();
            return true;
        }

        private static int? NullIfZero(int value) => value == 0 ? null : value;
    }
}
