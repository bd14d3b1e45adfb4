using KubeLab.ControlPlane.Api.AutoscalingV2;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Autoscaling;

/// <summary>pkg/apis/autoscaling/validation for autoscaling/v2 specs, in its order and words.</summary>
internal static class HorizontalPodAutoscalerValidation
{
    private const int MaxStabilizationWindowSeconds = 3600;
    private const int MaxPeriodSeconds = 1800;
    private static readonly string[] SourceTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
    private static readonly string[] SelectPolicies = ["Disabled", "Max", "Min"];
    private static readonly string[] PolicyTypes = ["Percent", "Pods"];

    public static IEnumerable<FieldError> ValidateSpec(HorizontalPodAutoscalerSpec spec)
    {
        if (spec.MinReplicas is < 1) yield return FieldError.Invalid("spec.minReplicas", spec.MinReplicas.Value, "must be greater than or equal to 1");
        if (spec.MaxReplicas < 1) yield return FieldError.Invalid("spec.maxReplicas", spec.MaxReplicas, "must be greater than 0");
        if (spec.MinReplicas is { } min && spec.MaxReplicas < min)
            yield return FieldError.Invalid("spec.maxReplicas", spec.MaxReplicas, "must be greater than or equal to `minReplicas`");
        foreach (var error in Reference(spec.ScaleTargetRef, "spec.scaleTargetRef")) yield return error;
        foreach (var (metric, i) in (spec.Metrics ?? []).Select((m, i) => (m, i)))
            foreach (var error in Metric(metric, $"spec.metrics[{i}]")) yield return error;
        if (spec.Behavior is { } behavior)
        {
            foreach (var error in Rules(behavior.ScaleUp, "spec.behavior.scaleUp")) yield return error;
            foreach (var error in Rules(behavior.ScaleDown, "spec.behavior.scaleDown")) yield return error;
        }
    }

    private static IEnumerable<FieldError> Reference(CrossVersionObjectReference reference, string path)
    {
        if (reference.Kind.Length == 0) yield return FieldError.Required(path + ".kind");
        else foreach (var message in NameRules.PathSegment(reference.Kind)) yield return FieldError.Invalid(path + ".kind", reference.Kind, message);
        if (reference.Name.Length == 0) yield return FieldError.Required(path + ".name");
        else foreach (var message in NameRules.PathSegment(reference.Name)) yield return FieldError.Invalid(path + ".name", reference.Name, message);
    }

    private static IEnumerable<FieldError> Metric(MetricSpec metric, string path)
    {
        if (metric.Type.Length == 0) yield return FieldError.Required(path + ".type", "must specify a metric source type");
        if (!SourceTypes.Contains(metric.Type)) yield return FieldError.NotSupported(path + ".type", metric.Type, SourceTypes);
        var present = new List<string>();
        if (metric.Object is { } obj && Present(present, "object"))
        {
            foreach (var error in Reference(obj.DescribedObject, path + ".object.describedObject")) yield return error;
            foreach (var error in Identifier(obj.Metric, path + ".object.metric")) yield return error;
            foreach (var error in Target(obj.Target, path + ".object.target")) yield return error;
            if (obj.Target.Value is null && obj.Target.AverageValue is null)
                yield return FieldError.Required(path + ".object.target.averageValue", "must set either a target value or averageValue");
        }
        if (metric.External is { } external && Present(present, "external"))
        {
            foreach (var error in Identifier(external.Metric, path + ".external.metric")) yield return error;
            foreach (var error in Target(external.Target, path + ".external.target")) yield return error;
            if (external.Target.Value is null && external.Target.AverageValue is null)
                yield return FieldError.Required(path + ".external.target.averageValue", "must set either a target value for metric or a per-pod target");
        }
        if (metric.Pods is { } pods && Present(present, "pods"))
        {
            foreach (var error in Identifier(pods.Metric, path + ".pods.metric")) yield return error;
            foreach (var error in Target(pods.Target, path + ".pods.target")) yield return error;
            if (pods.Target.AverageValue is null)
                yield return FieldError.Required(path + ".pods.target.averageValue", "must specify a positive target averageValue");
        }
        if (metric.Resource is { } resource && Present(present, "resource"))
            foreach (var error in ResourceSource(resource.Name, resource.Target, path + ".resource")) yield return error;
        if (metric.ContainerResource is { } container && Present(present, "containerResource"))
        {
            foreach (var error in ResourceSource(container.Name, container.Target, path + ".containerResource")) yield return error;
            if (container.Container.Length == 0) yield return FieldError.Required(path + ".containerResource.container", "must specify a container");
        }
        var expected = metric.Type.Length == 0 ? "" : char.ToLowerInvariant(metric.Type[0]) + metric.Type[1..];
        if (!present.Contains(expected)) yield return FieldError.Required($"{path}.{expected}", "must populate information for the given metric source");
        if (present.Count != 1)
            foreach (var other in present.Where(p => p != expected))
                yield return FieldError.Forbidden($"{path}.{other}", "must populate the given metric source only");
    }

    /// <summary>Only the first source given is validated in depth, as upstream does.</summary>
    private static bool Present(List<string> present, string source)
    {
        present.Add(source);
        return present.Count == 1;
    }

    private static IEnumerable<FieldError> ResourceSource(string name, MetricTarget target, string path)
    {
        if (name.Length == 0) yield return FieldError.Required(path + ".name", "must specify a resource name");
        foreach (var error in Target(target, path + ".target")) yield return error;
        if (target.AverageUtilization is null && target.AverageValue is null)
            yield return FieldError.Required(path + ".target.averageUtilization", "must set either a target raw value or a target utilization");
        if (target.AverageUtilization is not null && target.AverageValue is not null)
            yield return FieldError.Forbidden(path + ".target.averageValue", "may not set both a target raw value and a target utilization");
    }

    private static IEnumerable<FieldError> Target(MetricTarget target, string path)
    {
        if (target.Type.Length == 0) yield return FieldError.Required(path + ".type", "must specify a metric target type");
        if (target.Type is not ("Utilization" or "Value" or "AverageValue"))
            yield return FieldError.Invalid(path + ".type", target.Type, "must be either Utilization, Value, or AverageValue");
        if (target.Value is { } value && !Positive(value)) yield return FieldError.Invalid(path + ".value", value.Value, "must be positive");
        if (target.AverageValue is { } average && !Positive(average)) yield return FieldError.Invalid(path + ".averageValue", average.Value, "must be positive");
        if (target.AverageUtilization is < 1) yield return FieldError.Invalid(path + ".averageUtilization", target.AverageUtilization.Value, "must be greater than 0");
    }

    private static IEnumerable<FieldError> Identifier(MetricIdentifier identifier, string path)
    {
        if (identifier.Name.Length == 0) yield return FieldError.Required(path + ".name", "must specify a metric name");
        else foreach (var message in NameRules.PathSegment(identifier.Name)) yield return FieldError.Invalid(path + ".name", identifier.Name, message);
    }

    private static IEnumerable<FieldError> Rules(HpaScalingRules? rules, string path)
    {
        if (rules is null) yield break;
        if (rules.StabilizationWindowSeconds is < 0)
            yield return FieldError.Invalid(path + ".stabilizationWindowSeconds", rules.StabilizationWindowSeconds.Value, "must be greater than or equal to zero");
        if (rules.StabilizationWindowSeconds is > MaxStabilizationWindowSeconds)
            yield return FieldError.Invalid(path + ".stabilizationWindowSeconds", rules.StabilizationWindowSeconds.Value, $"must be less than or equal to {MaxStabilizationWindowSeconds}");
        if (rules.SelectPolicy is { } select && !SelectPolicies.Contains(select))
            yield return FieldError.NotSupported(path + ".selectPolicy", select, SelectPolicies);
        if (rules.Policies is { Count: 0 })
            yield return FieldError.Required(path + ".policies", "must specify at least one Policy");
        foreach (var (policy, i) in (rules.Policies ?? []).Select((p, i) => (p, i)))
        {
            var at = $"{path}.policies[{i}]";
            if (!PolicyTypes.Contains(policy.Type)) yield return FieldError.NotSupported(at + ".type", policy.Type, PolicyTypes);
            if (policy.Value <= 0) yield return FieldError.Invalid(at + ".value", policy.Value, "must be greater than zero");
            if (policy.PeriodSeconds <= 0) yield return FieldError.Invalid(at + ".periodSeconds", policy.PeriodSeconds, "must be greater than zero");
            if (policy.PeriodSeconds > MaxPeriodSeconds) yield return FieldError.Invalid(at + ".periodSeconds", policy.PeriodSeconds, $"must be less than or equal to {MaxPeriodSeconds}");
        }
    }

    /// <summary>Quantity.Sign() == 1: a leading minus or an all-zero number is not positive.</summary>
    private static bool Positive(Api.Core.Quantity quantity) =>
        !quantity.Value.StartsWith('-') && quantity.Value.Any(c => c is >= '1' and <= '9');
}
