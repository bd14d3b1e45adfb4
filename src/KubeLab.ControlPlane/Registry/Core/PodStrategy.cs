using System.Text.Json;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Registry.Core;

public sealed class PodStrategy : ResourceStrategy<Pod>, IDeletionStrategy
{
    public override bool Namespaced => true;
    public override bool TracksGeneration => true;
    public override bool HasStatusSubresource => true;

    protected override void ApplyDefaults(Pod pod)
    {
        PodSpecDefaults.Apply(pod.Spec);
        pod.Spec.ServiceAccountName ??= pod.Spec.ServiceAccount ?? "default";
        pod.Spec.ServiceAccount = pod.Spec.ServiceAccountName;
        pod.Spec.EnableServiceLinks ??= true;
        pod.Spec.PreemptionPolicy ??= "PreemptLowerPriority";
        pod.Spec.Priority ??= 0;
    }

    protected override void PrepareForCreate(Pod pod, StrategyContext context) =>
        pod.Status = new PodStatus { Phase = "Pending", QosClass = QosClass(pod.Spec) };

    protected override IEnumerable<FieldError> Validate(Pod pod) => PodSpecValidation.Validate(pod.Spec, "spec");

    /// <summary>A pod's spec is immutable but for images, the active deadline and added tolerations.</summary>
    protected override IEnumerable<FieldError> ValidateUpdate(Pod pod, Pod old)
    {
        if (Mutable(pod.Spec, old.Spec) == Mutable(old.Spec, old.Spec)) yield break;
        yield return FieldError.Forbidden("spec",
            "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
    }

    /// <summary>The spec with its mutable fields set to those of <paramref name="reference"/>, as JSON.</summary>
    private static string Mutable(PodSpec spec, PodSpec reference)
    {
        var copy = JsonSerializer.Deserialize<PodSpec>(JsonSerializer.SerializeToUtf8Bytes(spec, KubeJson.Options), KubeJson.Options)!;
        for (var i = 0; i < Math.Min(copy.Containers?.Count ?? 0, reference.Containers?.Count ?? 0); i++)
            copy.Containers![i].Image = reference.Containers![i].Image;
        for (var i = 0; i < Math.Min(copy.InitContainers?.Count ?? 0, reference.InitContainers?.Count ?? 0); i++)
            copy.InitContainers![i].Image = reference.InitContainers![i].Image;
        copy.ActiveDeadlineSeconds = reference.ActiveDeadlineSeconds;
        copy.Tolerations = reference.Tolerations;
        return JsonSerializer.Serialize(copy, KubeJson.Options);
    }

    /// <summary><c>binding</c> is written by <see cref="PodBinding"/>, which builds the whole pod from the stored one.</summary>
    public override void PrepareForSubresourceUpdate(string subresource, KubeObject obj, KubeObject old)
    {
        if (subresource != PodBinding.Subresource) base.PrepareForSubresourceUpdate(subresource, obj, old);
    }

    /// <summary>A binding may set spec.nodeName, which no other update may change; it has checked its own rules.</summary>
    public override IEnumerable<FieldError> ValidateSubresourceUpdate(string subresource, KubeObject obj, KubeObject old) =>
        subresource == PodBinding.Subresource ? [] : base.ValidateSubresourceUpdate(subresource, obj, old);

    protected override string? SelectableField(Pod pod, string field) => field switch
    {
        "spec.nodeName" => pod.Spec.NodeName ?? "",
        "spec.restartPolicy" => pod.Spec.RestartPolicy ?? "",
        "spec.schedulerName" => pod.Spec.SchedulerName ?? "",
        "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "",
        "spec.hostNetwork" => pod.Spec.HostNetwork == true ? "true" : "false",
        "status.phase" => pod.Status.Phase ?? "",
        "status.podIP" => pod.Status.PodIp ?? "",
        "status.nominatedNodeName" => pod.Status.NominatedNodeName ?? "",
        _ => null,
    };

    /// <summary>
    /// A scheduled, running pod is deleted gracefully: it gets a deletionTimestamp in the future and
    /// stays until its kubelet confirms with a zero-grace delete. Unscheduled or finished pods go at once.
    /// A later DELETE may only shorten a pending grace period (rest.BeforeDelete).
    /// </summary>
    public DeletionStage BeginDeletion(KubeObject obj, DeleteOptions options, StrategyContext context)
    {
        var pod = (Pod)obj;
        var meta = pod.Metadata;
        var requested = options.GracePeriodSeconds is < 0 ? 1 : options.GracePeriodSeconds;
        if (meta.DeletionTimestamp is { } deadline)
        {
            if (meta.DeletionGracePeriodSeconds is null or 0) return DeletionStage.Now;
            if (requested is not { } shorter || shorter >= meta.DeletionGracePeriodSeconds) return DeletionStage.AlreadyPending;
            meta.DeletionTimestamp = deadline.AddSeconds(shorter - meta.DeletionGracePeriodSeconds.Value);
            meta.DeletionGracePeriodSeconds = shorter;
            return shorter == 0 ? DeletionStage.Now : DeletionStage.Marked;
        }
        var grace = requested ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;
        if (string.IsNullOrEmpty(pod.Spec.NodeName) || pod.Status.Phase is "Succeeded" or "Failed") grace = 0;
        if (grace <= 0) return DeletionStage.Now;
        meta.DeletionTimestamp = context.Now.AddSeconds(grace);
        meta.DeletionGracePeriodSeconds = grace;
        return DeletionStage.Marked;
    }

    /// <summary>As the generic store: the last finalizer went and no grace period is left to wait for.</summary>
    public bool ShouldDeleteDuringUpdate(KubeObject obj, KubeObject old) =>
        old.Metadata.DeletionTimestamp is not null
        && (obj.Metadata.Finalizers?.Count ?? 0) == 0
        && (old.Metadata.DeletionGracePeriodSeconds ?? 0) == 0;

    private static string QosClass(PodSpec spec)
    {
        var containers = spec.Containers ?? [];
        var requests = containers.Any(c => c.Resources.Requests is { Count: > 0 });
        var limits = containers.Any(c => c.Resources.Limits is { Count: > 0 });
        if (!requests && !limits) return "BestEffort";
        var guaranteed = containers.All(c =>
            c.Resources.Limits is { } l && l.ContainsKey("cpu") && l.ContainsKey("memory") &&
            (c.Resources.Requests is null || c.Resources.Requests.All(r => l.TryGetValue(r.Key, out var v) && v == r.Value)));
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
