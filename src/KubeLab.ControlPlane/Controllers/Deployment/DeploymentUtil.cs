using System.Globalization;
using System.Text.Json;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

/// <summary>pkg/controller/deployment/util: revisions, replica annotations, surge and unavailability, and which replica set is new.</summary>
public static class DeploymentUtil
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string RevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
    private const int MaxRevisionHistoryChars = 2000;

    private static readonly HashSet<string> AnnotationsToSkip =
    [
        "kubectl.kubernetes.io/last-applied-configuration", RevisionAnnotation, RevisionHistoryAnnotation,
        DesiredReplicasAnnotation, MaxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ];

    public static int Replicas(Api.Apps.Deployment d) => d.Spec.Replicas ?? 1;
    public static int Replicas(ReplicaSet rs) => rs.Spec.Replicas ?? 1;
    public static bool IsRollingUpdate(Api.Apps.Deployment d) => d.Spec.Strategy.Type == "RollingUpdate";

    /// <summary>ResolveFenceposts: surge rounds up, unavailability down, and both zero means one unavailable.</summary>
    public static (int Surge, int Unavailable) Fenceposts(Api.Apps.Deployment d)
    {
        var desired = Replicas(d);
        var surge = Scaled(d.Spec.Strategy.RollingUpdate?.MaxSurge, desired, roundUp: true);
        var unavailable = Scaled(d.Spec.Strategy.RollingUpdate?.MaxUnavailable, desired, roundUp: false);
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    public static int MaxSurge(Api.Apps.Deployment d) => IsRollingUpdate(d) ? Fenceposts(d).Surge : 0;

    public static int MaxUnavailable(Api.Apps.Deployment d) =>
        !IsRollingUpdate(d) || Replicas(d) == 0 ? 0 : Math.Min(Fenceposts(d).Unavailable, Replicas(d));

    /// <summary>intstr.GetScaledValueFromIntOrPercent.</summary>
    public static int Scaled(IntOrString? value, int total, bool roundUp)
    {
        if (value is not { } v) return 0;
        if (v.IntValue is { } i) return i;
        var text = v.StringValue ?? "0";
        var percent = int.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture);
        var exact = percent * total / 100.0;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    public static long Revision(ReplicaSet rs) =>
        rs.Metadata.Annotations?.TryGetValue(RevisionAnnotation, out var text) == true && long.TryParse(text, out var revision) ? revision : 0;

    /// <summary>FindNewReplicaSet: the oldest replica set whose template equals the deployment's, pod-template-hash aside.</summary>
    public static ReplicaSet? FindNew(Api.Apps.Deployment d, IEnumerable<ReplicaSet> replicaSets) =>
        replicaSets.OrderBy(rs => rs.Metadata.CreationTimestamp).ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault(rs => EqualIgnoreHash(rs.Spec.Template, d.Spec.Template));

    public static bool EqualIgnoreHash(PodTemplateSpec a, PodTemplateSpec b)
    {
        string Without(PodTemplateSpec t)
        {
            var copy = JsonSerializer.Deserialize<PodTemplateSpec>(KubeJson.Serialize(t), KubeJson.Options)!;
            copy.Metadata.Labels?.Remove(PodTemplateHash.Label);
            if (copy.Metadata.Labels is { Count: 0 }) copy.Metadata.Labels = null;
            return JsonSerializer.Serialize(copy, KubeJson.Options);
        }
        return Without(a) == Without(b);
    }

    /// <summary>SetNewReplicaSetAnnotations: the deployment's own annotations, the revision (with history on rollback), and for a new set the replica annotations.</summary>
    public static bool SetNewReplicaSetAnnotations(Api.Apps.Deployment d, ReplicaSet rs, long newRevision, bool exists)
    {
        var changed = false;
        rs.Metadata.Annotations ??= [];
        foreach (var (key, value) in d.Metadata.Annotations ?? [])
        {
            if (AnnotationsToSkip.Contains(key) || rs.Metadata.Annotations.GetValueOrDefault(key) == value) continue;
            rs.Metadata.Annotations[key] = value;
            changed = true;
        }
        var had = rs.Metadata.Annotations.TryGetValue(RevisionAnnotation, out var oldText);
        var old = long.TryParse(oldText, out var parsed) ? parsed : 0;
        if (old < newRevision)
        {
            rs.Metadata.Annotations[RevisionAnnotation] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (had)
            {
                var history = rs.Metadata.Annotations.GetValueOrDefault(RevisionHistoryAnnotation, "");
                var revisions = history.Length == 0 ? [] : history.Split(',').ToList();
                revisions.Add(oldText!);
                while (string.Join(",", revisions).Length > MaxRevisionHistoryChars && revisions.Count > 1) revisions.RemoveAt(0);
                rs.Metadata.Annotations[RevisionHistoryAnnotation] = string.Join(",", revisions);
            }
        }
        if (!exists && SetReplicasAnnotations(rs, Replicas(d), Replicas(d) + MaxSurge(d))) changed = true;
        return changed;
    }

    public static bool SetReplicasAnnotations(ReplicaSet rs, int desired, int max)
    {
        rs.Metadata.Annotations ??= [];
        var desiredText = desired.ToString(CultureInfo.InvariantCulture);
        var maxText = max.ToString(CultureInfo.InvariantCulture);
        var changed = false;
        if (rs.Metadata.Annotations.GetValueOrDefault(DesiredReplicasAnnotation) != desiredText) { rs.Metadata.Annotations[DesiredReplicasAnnotation] = desiredText; changed = true; }
        if (rs.Metadata.Annotations.GetValueOrDefault(MaxReplicasAnnotation) != maxText) { rs.Metadata.Annotations[MaxReplicasAnnotation] = maxText; changed = true; }
        return changed;
    }

    public static bool ReplicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) =>
        rs.Metadata.Annotations?.GetValueOrDefault(DesiredReplicasAnnotation) != desired.ToString(CultureInfo.InvariantCulture)
        || rs.Metadata.Annotations?.GetValueOrDefault(MaxReplicasAnnotation) != max.ToString(CultureInfo.InvariantCulture);

    public static int? DesiredReplicas(ReplicaSet rs) =>
        rs.Metadata.Annotations?.TryGetValue(DesiredReplicasAnnotation, out var text) == true && int.TryParse(text, out var n) ? n : null;

    public static int? MaxReplicas(ReplicaSet rs) =>
        rs.Metadata.Annotations?.TryGetValue(MaxReplicasAnnotation, out var text) == true && int.TryParse(text, out var n) ? n : null;

    public static int SpecReplicas(IEnumerable<ReplicaSet?> sets) => sets.OfType<ReplicaSet>().Sum(Replicas);
    public static int StatusReplicas(IEnumerable<ReplicaSet?> sets) => sets.OfType<ReplicaSet>().Sum(rs => rs.Status.Replicas);
    public static int ReadyReplicas(IEnumerable<ReplicaSet?> sets) => sets.OfType<ReplicaSet>().Sum(rs => rs.Status.ReadyReplicas ?? 0);
    public static int AvailableReplicas(IEnumerable<ReplicaSet?> sets) => sets.OfType<ReplicaSet>().Sum(rs => rs.Status.AvailableReplicas ?? 0);

    /// <summary>Replica sets that still want pods (FilterActiveReplicaSets).</summary>
    public static List<ReplicaSet> Active(IEnumerable<ReplicaSet?> sets) => sets.OfType<ReplicaSet>().Where(rs => Replicas(rs) > 0).ToList();

    /// <summary>DeploymentComplete: every replica updated and available, and the latest spec observed.</summary>
    public static bool Complete(Api.Apps.Deployment d, DeploymentStatus status) =>
        (status.UpdatedReplicas ?? 0) == Replicas(d) && (status.Replicas ?? 0) == Replicas(d)
        && (status.AvailableReplicas ?? 0) == Replicas(d) && (status.ObservedGeneration ?? 0) >= (d.Metadata.Generation ?? 0);

    /// <summary>Oldest first by creation, then by name (controller.ReplicaSetsByCreationTimestamp).</summary>
    public static List<ReplicaSet> ByCreation(IEnumerable<ReplicaSet> sets) =>
        sets.OrderBy(rs => rs.Metadata.CreationTimestamp).ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal).ToList();
}
