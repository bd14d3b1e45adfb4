using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Core;
using KubeLab.ControlPlane.Registry.Selection;

namespace KubeLab.ControlPlane.Registry.Apps;

/// <summary>Kinds that have a replica count served through the <c>scale</c> subresource.</summary>
public interface IScalableStrategy
{
    int Replicas(KubeObject obj);
    void SetReplicas(KubeObject obj, int replicas);
    int StatusReplicas(KubeObject obj);
    LabelSelector? Selector(KubeObject obj);
}

public sealed class DeploymentStrategy : ResourceStrategy<Deployment>, IScalableStrategy
{
    public override bool Namespaced => true;
    public override bool TracksGeneration => true;
    public override bool HasStatusSubresource => true;

    protected override void ApplyDefaults(Deployment deployment)
    {
        var spec = deployment.Spec;
        spec.Replicas ??= 1;
        spec.Strategy.Type ??= "RollingUpdate";
        if (spec.Strategy.Type == "RollingUpdate")
        {
            spec.Strategy.RollingUpdate ??= new RollingUpdateDeployment();
            spec.Strategy.RollingUpdate.MaxUnavailable ??= "25%";
            spec.Strategy.RollingUpdate.MaxSurge ??= "25%";
        }
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        PodSpecDefaults.Apply(spec.Template.Spec);
    }

    protected override void PrepareForCreate(Deployment deployment, StrategyContext context) => deployment.Status = new DeploymentStatus();

    protected override IEnumerable<FieldError> Validate(Deployment deployment) =>
        WorkloadValidation.Validate(deployment.Spec.Selector, deployment.Spec.Template, deployment.Spec.Replicas);

    protected override IEnumerable<FieldError> ValidateUpdate(Deployment deployment, Deployment old) =>
        WorkloadValidation.SelectorUnchanged(deployment.Spec.Selector, old.Spec.Selector);

    public int Replicas(KubeObject obj) => ((Deployment)obj).Spec.Replicas ?? 1;
    public void SetReplicas(KubeObject obj, int replicas) => ((Deployment)obj).Spec.Replicas = replicas;
    public int StatusReplicas(KubeObject obj) => ((Deployment)obj).Status.Replicas ?? 0;
    public LabelSelector? Selector(KubeObject obj) => ((Deployment)obj).Spec.Selector;
}

public sealed class ReplicaSetStrategy : ResourceStrategy<ReplicaSet>, IScalableStrategy
{
    public override bool Namespaced => true;
    public override bool TracksGeneration => true;
    public override bool HasStatusSubresource => true;

    protected override void ApplyDefaults(ReplicaSet replicaSet)
    {
        replicaSet.Spec.Replicas ??= 1;
        PodSpecDefaults.Apply(replicaSet.Spec.Template.Spec);
    }

    protected override void PrepareForCreate(ReplicaSet replicaSet, StrategyContext context) => replicaSet.Status = new ReplicaSetStatus();

    protected override IEnumerable<FieldError> Validate(ReplicaSet replicaSet) =>
        WorkloadValidation.Validate(replicaSet.Spec.Selector, replicaSet.Spec.Template, replicaSet.Spec.Replicas);

    protected override IEnumerable<FieldError> ValidateUpdate(ReplicaSet replicaSet, ReplicaSet old) =>
        WorkloadValidation.SelectorUnchanged(replicaSet.Spec.Selector, old.Spec.Selector);

    public int Replicas(KubeObject obj) => ((ReplicaSet)obj).Spec.Replicas ?? 1;
    public void SetReplicas(KubeObject obj, int replicas) => ((ReplicaSet)obj).Spec.Replicas = replicas;
    public int StatusReplicas(KubeObject obj) => ((ReplicaSet)obj).Status.Replicas;
    public LabelSelector? Selector(KubeObject obj) => ((ReplicaSet)obj).Spec.Selector;
}

internal static class WorkloadValidation
{
    public static IEnumerable<FieldError> Validate(LabelSelector? selector, PodTemplateSpec template, int? replicas)
    {
        if (replicas is < 0) yield return FieldError.Invalid("spec.replicas", replicas.Value, "must be greater than or equal to 0");
        if (selector is null || (selector.MatchLabels is not { Count: > 0 } && selector.MatchExpressions is not { Count: > 0 }))
        {
            yield return FieldError.Required("spec.selector");
            yield return FieldError.Invalid("spec.selector", "null", "empty selector is invalid for deployment");
        }
        else if (!LabelSelectorQuery.FromMatchLabels(selector.MatchLabels).Matches(template.Metadata.Labels))
        {
            yield return FieldError.Invalid("spec.template.metadata.labels", GoMap(template.Metadata.Labels), "`selector` does not match template `labels`");
        }
        foreach (var error in PodSpecValidation.Validate(template.Spec, "spec.template.spec")) yield return error;
    }

    public static IEnumerable<FieldError> SelectorUnchanged(LabelSelector? selector, LabelSelector? old)
    {
        var now = JsonValue.Create(System.Text.Json.JsonSerializer.Serialize(selector, Serialization.KubeJson.Options));
        var before = JsonValue.Create(System.Text.Json.JsonSerializer.Serialize(old, Serialization.KubeJson.Options));
        if (now.ToJsonString() != before.ToJsonString())
            yield return FieldError.Invalid("spec.selector", "v1.LabelSelector", "field is immutable");
    }

    /// <summary>How Go's %#v prints a map[string]string in validation messages.</summary>
    private static RawValue GoMap(Dictionary<string, string>? labels) =>
        new("map[string]string{" + string.Join(", ", (labels ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"\"{kv.Key}\":\"{kv.Value}\"")) + "}");
}

/// <summary>A value printed verbatim in a field error (not quoted as a string).</summary>
internal sealed record RawValue(string Text) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => Text;
}
