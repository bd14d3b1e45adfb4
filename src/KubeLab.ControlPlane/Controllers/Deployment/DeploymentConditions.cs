using KubeLab.ControlPlane.Api.Apps;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

/// <summary>Deployment conditions with the reasons and messages the real controller writes.</summary>
public static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string NewReplicaSetReason = "NewReplicaSetCreated";
    public const string FoundNewReplicaSetReason = "FoundNewReplicaSet";
    public const string ReplicaSetUpdatedReason = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailableReason = "NewReplicaSetAvailable";
    public const string TimedOutReason = "ProgressDeadlineExceeded";
    public const string PausedReason = "DeploymentPaused";
    public const string ResumedReason = "DeploymentResumed";
    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";

    public static WorkloadCondition New(string type, string status, string reason, string message, DateTimeOffset now) => new()
    {
        Type = type, Status = status, LastUpdateTime = now, LastTransitionTime = now, Reason = reason, Message = message,
    };

    public static WorkloadCondition? Get(DeploymentStatus status, string type) => status.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>SetDeploymentCondition: same status and reason changes nothing; otherwise the condition moves to the end.</summary>
    public static void Set(DeploymentStatus status, WorkloadCondition condition)
    {
        var current = Get(status, condition.Type);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason) return;
        if (current is not null && current.Status == condition.Status) condition.LastTransitionTime = current.LastTransitionTime;
        status.Conditions = [.. (status.Conditions ?? []).Where(c => c.Type != condition.Type), condition];
    }

    public static void Remove(DeploymentStatus status, string type)
    {
        if (status.Conditions is null) return;
        status.Conditions = status.Conditions.Where(c => c.Type != type).ToList();
        if (status.Conditions.Count == 0) status.Conditions = null;
    }
}
