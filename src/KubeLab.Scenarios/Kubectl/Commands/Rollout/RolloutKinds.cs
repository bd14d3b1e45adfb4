using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>Which kinds kubectl's rollout helpers (polymorphichelpers) take, and how they refuse the others.</summary>
internal static class RolloutKinds
{
    public static bool IsDeployment(ApiResource resource) => resource.Group is "apps" or "extensions" && resource.Kind == "Deployment";

    /// <summary>
    /// The refusal of HistoryViewerFor or RollbackerFor (<paramref name="what"/>: "history viewer" or "rollbacker") for a
    /// kind that is not a deployment, or null for a deployment.
    /// </summary>
    public static string? Refusal(ApiResource resource, string what)
    {
        if (IsDeployment(resource)) return null;
        var groupKind = resource.Group.Length == 0 ? resource.Kind : $"{resource.Kind}.{resource.Group}";
        // apps.GroupKindElement.Accept knows the workload kinds; any other has no visitor at all.
        if (!IsWorkload(resource))
            return $"error retrieving {(what == "rollbacker" ? "rollbacker" : "history")} for \"{groupKind}\", no visitor method exists for {{{resource.Group} {resource.Kind}}}";
        return $"no {what} has been implemented for \"{groupKind}\"";
    }

    private static bool IsWorkload(ApiResource resource) => (resource.Group, resource.Kind) switch
    {
        ("apps" or "extensions", "DaemonSet" or "Deployment" or "ReplicaSet") => true,
        ("apps", "StatefulSet") => true,
        ("batch", "Job" or "CronJob") => true,
        ("" or "core", "Pod" or "ReplicationController") => true,
        _ => false,
    };
}
