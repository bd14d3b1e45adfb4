using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Admission.Plugins;

/// <summary>
/// A cluster's bound on stored objects (<see cref="ClusterLimits.MaxObjects"/>), refused in the words of the
/// ResourceQuota admission plugin: <c>pods "web" is forbidden: exceeded quota: kubelab-learner-limits, requested:
/// count/objects=1, used: count/objects=500, limited: count/objects=500</c>. A real quota counts one resource per
/// line (<c>count/pods</c>, <c>count/deployments.apps</c>); this bound counts every kind together, so it names its
/// line <c>count/objects</c> in the same <c>count/&lt;what&gt;</c> form rather than pretend to be a per-kind quota.
/// Only creates are checked, as quota counts only what a request adds: reads, updates and deletes always pass,
/// and a delete makes room again. Like ResourceQuota it binds every user, the controllers too (a ReplicaSet
/// beyond the bound gets FailedCreate, as under a real quota), and it runs last.
/// </summary>
public sealed class ObjectCountQuota(VersionedStore store, int limit) : IAdmissionPlugin
{
    /// <summary>The name the refusal gives the quota (no ResourceQuota object of this name is stored).</summary>
    public const string QuotaName = "kubelab-learner-limits";

    public const string ResourceName = "count/objects";

    private int? _baseline;

    public string Name => "ResourceQuota";

    /// <summary>From now on objects count: those stored so far are the cluster's own (its bootstrap).</summary>
    public void StartCounting()
    {
        lock (store.Sync) _baseline = store.ObjectCount;
    }

    /// <summary>Objects stored beyond the bootstrap (never below zero: a learner may delete bootstrap objects).</summary>
    public int Used => _baseline is { } baseline ? Math.Max(0, store.ObjectCount - baseline) : 0;

    public string? Validate(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || a.Subresource is not null || _baseline is null) return null;
        var used = Used;
        if (used + 1 > limit)
            throw StatusErrors.Forbidden(a.Resource.GroupResource, a.Name,
                $"exceeded quota: {QuotaName}, requested: {ResourceName}=1, used: {ResourceName}={used}, limited: {ResourceName}={limit}");
        return $"{ResourceName}: {used + 1} of {limit} with this object";
    }
}
