using KubeLab.ControlPlane.Api.AutoscalingV2;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Registry.Autoscaling;

/// <summary>
/// HorizontalPodAutoscaler (autoscaling/v2), with the v2 defaults a dry run shows: minReplicas 1, an 80% CPU
/// metric when none is given, and a behavior filled in completely once one is given. v1.33 sets no generation
/// on autoscalers (HPAGeneration came later). KubeLab runs no autoscaler controller: status stays as created.
/// </summary>
public sealed class HorizontalPodAutoscalerStrategy : ResourceStrategy<HorizontalPodAutoscaler>
{
    public override bool Namespaced => true;
    public override bool HasStatusSubresource => true;

    protected override void ApplyDefaults(HorizontalPodAutoscaler autoscaler)
    {
        var spec = autoscaler.Spec;
        spec.MinReplicas ??= 1;
        if (spec.Metrics is not { Count: > 0 })
            spec.Metrics = [new MetricSpec { Type = "Resource", Resource = new ResourceMetricSource { Name = "cpu", Target = new MetricTarget { Type = "Utilization", AverageUtilization = 80 } } }];
        if (spec.Behavior is { } behavior)
        {
            behavior.ScaleUp = Complete(behavior.ScaleUp, stabilization: 0,
                [new HpaScalingPolicy { Type = "Pods", Value = 4, PeriodSeconds = 15 }, new HpaScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 }]);
            // Scale-down's window stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization decides it.
            behavior.ScaleDown = Complete(behavior.ScaleDown, stabilization: null, [new HpaScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 }]);
        }
    }

    protected override void PrepareForCreate(HorizontalPodAutoscaler autoscaler, StrategyContext context) => autoscaler.Status = new HorizontalPodAutoscalerStatus();

    protected override IEnumerable<FieldError> Validate(HorizontalPodAutoscaler autoscaler) => HorizontalPodAutoscalerValidation.ValidateSpec(autoscaler.Spec);

    private static HpaScalingRules Complete(HpaScalingRules? rules, int? stabilization, List<HpaScalingPolicy> policies) => new()
    {
        StabilizationWindowSeconds = rules?.StabilizationWindowSeconds ?? stabilization,
        SelectPolicy = rules?.SelectPolicy ?? "Max",
        Policies = rules?.Policies ?? policies,
    };
}
