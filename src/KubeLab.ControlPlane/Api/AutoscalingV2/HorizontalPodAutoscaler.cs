using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.AutoscalingV2;

/// <summary>autoscaling/v2 HorizontalPodAutoscaler: the replica count of a scalable resource, driven by metrics.</summary>
public sealed class HorizontalPodAutoscaler : KubeObject
{
    [Proto(2), EmitEmpty] public HorizontalPodAutoscalerSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public HorizontalPodAutoscalerStatus Status { get; set; } = new();
}

public sealed class HorizontalPodAutoscalerSpec
{
    [Proto(1), EmitEmpty] public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();
    [Proto(2, Pointer = true)] public int? MinReplicas { get; set; }
    [Proto(3), EmitEmpty] public int MaxReplicas { get; set; }
    [Proto(4)] public List<MetricSpec>? Metrics { get; set; }
    [Proto(5)] public HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}

public sealed class CrossVersionObjectReference
{
    [Proto(1), EmitEmpty] public string Kind { get; set; } = "";
    [Proto(2), EmitEmpty] public string Name { get; set; } = "";
    [Proto(3)] public string? ApiVersion { get; set; }
}

public sealed class MetricSpec
{
    [Proto(1), EmitEmpty] public string Type { get; set; } = "";
    [Proto(2)] public ObjectMetricSource? Object { get; set; }
    [Proto(3)] public PodsMetricSource? Pods { get; set; }
    [Proto(4)] public ResourceMetricSource? Resource { get; set; }
    [Proto(7)] public ContainerResourceMetricSource? ContainerResource { get; set; }
    [Proto(5)] public ExternalMetricSource? External { get; set; }
}

public sealed class ObjectMetricSource
{
    [Proto(1), EmitEmpty] public CrossVersionObjectReference DescribedObject { get; set; } = new();
    [Proto(2), EmitEmpty] public MetricTarget Target { get; set; } = new();
    [Proto(3), EmitEmpty] public MetricIdentifier Metric { get; set; } = new();
}

public sealed class PodsMetricSource
{
    [Proto(1), EmitEmpty] public MetricIdentifier Metric { get; set; } = new();
    [Proto(2), EmitEmpty] public MetricTarget Target { get; set; } = new();
}

public sealed class ResourceMetricSource
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2), EmitEmpty] public MetricTarget Target { get; set; } = new();
}

public sealed class ContainerResourceMetricSource
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2), EmitEmpty] public MetricTarget Target { get; set; } = new();
    [Proto(3), EmitEmpty] public string Container { get; set; } = "";
}

public sealed class ExternalMetricSource
{
    [Proto(1), EmitEmpty] public MetricIdentifier Metric { get; set; } = new();
    [Proto(2), EmitEmpty] public MetricTarget Target { get; set; } = new();
}

public sealed class MetricIdentifier
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2)] public LabelSelector? Selector { get; set; }
}

public sealed class MetricTarget
{
    [Proto(1), EmitEmpty] public string Type { get; set; } = "";
    [Proto(2)] public Quantity? Value { get; set; }
    [Proto(3)] public Quantity? AverageValue { get; set; }
    [Proto(4, Pointer = true)] public int? AverageUtilization { get; set; }
}

public sealed class HorizontalPodAutoscalerBehavior
{
    [Proto(1)] public HpaScalingRules? ScaleUp { get; set; }
    [Proto(2)] public HpaScalingRules? ScaleDown { get; set; }
}

public sealed class HpaScalingRules
{
    [Proto(3, Pointer = true)] public int? StabilizationWindowSeconds { get; set; }
    [Proto(1, Pointer = true)] public string? SelectPolicy { get; set; }
    [Proto(2)] public List<HpaScalingPolicy>? Policies { get; set; }
}

public sealed class HpaScalingPolicy
{
    [Proto(1), EmitEmpty] public string Type { get; set; } = "";
    [Proto(2), EmitEmpty] public int Value { get; set; }
    [Proto(3), EmitEmpty] public int PeriodSeconds { get; set; }
}

/// <summary><c>currentMetrics</c> and <c>desiredReplicas</c> have no omitempty: a new autoscaler shows null and 0.</summary>
public sealed class HorizontalPodAutoscalerStatus
{
    [Proto(1)] public long? ObservedGeneration { get; set; }
    [Proto(2)] public DateTimeOffset? LastScaleTime { get; set; }
    [Proto(3)] public int? CurrentReplicas { get; set; }
    [Proto(4), EmitEmpty] public int DesiredReplicas { get; set; }
    [Proto(5), EmitEmpty] public List<MetricStatus>? CurrentMetrics { get; set; }
    [Proto(6), PatchMergeKey("type")] public List<HorizontalPodAutoscalerCondition>? Conditions { get; set; }
}

public sealed class MetricStatus
{
    [Proto(1), EmitEmpty] public string Type { get; set; } = "";
    [Proto(4)] public ResourceMetricStatus? Resource { get; set; }
    [Proto(7)] public ContainerResourceMetricStatus? ContainerResource { get; set; }
    [Proto(3)] public PodsMetricStatus? Pods { get; set; }
    [Proto(2)] public ObjectMetricStatus? Object { get; set; }
    [Proto(5)] public PodsMetricStatus? External { get; set; }
}

public sealed class ResourceMetricStatus
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2), EmitEmpty] public MetricValueStatus Current { get; set; } = new();
}

public sealed class ContainerResourceMetricStatus
{
    [Proto(1), EmitEmpty] public string Name { get; set; } = "";
    [Proto(2), EmitEmpty] public MetricValueStatus Current { get; set; } = new();
    [Proto(3), EmitEmpty] public string Container { get; set; } = "";
}

/// <summary>PodsMetricStatus and ExternalMetricStatus share this shape.</summary>
public sealed class PodsMetricStatus
{
    [Proto(1), EmitEmpty] public MetricIdentifier Metric { get; set; } = new();
    [Proto(2), EmitEmpty] public MetricValueStatus Current { get; set; } = new();
}

public sealed class ObjectMetricStatus
{
    [Proto(1), EmitEmpty] public MetricIdentifier Metric { get; set; } = new();
    [Proto(2), EmitEmpty] public MetricValueStatus Current { get; set; } = new();
    [Proto(3), EmitEmpty] public CrossVersionObjectReference DescribedObject { get; set; } = new();
}

public sealed class MetricValueStatus
{
    [Proto(1)] public Quantity? Value { get; set; }
    [Proto(2)] public Quantity? AverageValue { get; set; }
    [Proto(3, Pointer = true)] public int? AverageUtilization { get; set; }
}

public sealed class HorizontalPodAutoscalerCondition
{
    [Proto(1), EmitEmpty] public string Type { get; set; } = "";
    [Proto(2), EmitEmpty] public string Status { get; set; } = "";
    [Proto(3)] public DateTimeOffset? LastTransitionTime { get; set; }
    [Proto(4)] public string? Reason { get; set; }
    [Proto(5)] public string? Message { get; set; }
}
