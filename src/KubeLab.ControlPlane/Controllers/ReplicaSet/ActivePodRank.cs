using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.ReplicaSet;

/// <summary>
/// Which pods a shrinking replica set deletes first (controller.ActivePodsWithRanks, simplified): unscheduled
/// before scheduled, pending before running, not ready before ready, more restarts before fewer, newer before older.
/// </summary>
public static class ActivePodRank
{
    public static IEnumerable<Pod> DeletionOrder(IEnumerable<Pod> pods) => pods
        .OrderBy(p => string.IsNullOrEmpty(p.Spec.NodeName) ? 0 : 1)
        .ThenBy(p => p.Status.Phase switch { "Pending" => 0, "Unknown" => 1, "Running" => 2, _ => 3 })
        .ThenBy(p => IsReady(p) ? 1 : 0)
        .ThenByDescending(p => p.Status.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0)
        .ThenByDescending(p => p.Metadata.CreationTimestamp)
        .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);

    public static bool IsReady(Pod pod) => pod.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    /// <summary>podutil.IsPodAvailable: ready for at least minReadySeconds.</summary>
    public static bool IsAvailable(Pod pod, int minReadySeconds, DateTimeOffset now)
    {
        var ready = pod.Status.Conditions?.FirstOrDefault(c => c.Type == "Ready" && c.Status == "True");
        if (ready is null) return false;
        return minReadySeconds == 0 || ready.LastTransitionTime is { } since && since.AddSeconds(minReadySeconds) <= now;
    }

    /// <summary>FilterActivePods: not finished and not being deleted.</summary>
    public static bool IsActive(Pod pod) => pod.Status.Phase is not ("Succeeded" or "Failed") && pod.Metadata.DeletionTimestamp is null;
}
