using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.AutoscalingV2;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get hpa</c>: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE (printers.go formatHPAMetrics).</summary>
public sealed class HorizontalPodAutoscalerTableConvertor : ITableConvertor
{
    public static readonly HorizontalPodAutoscalerTableConvertor Instance = new();
    private const int ShownMetrics = 2;
    private const string Unknown = "<unknown>";

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Reference", "scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."),
        TableColumns.Column("Targets", "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization."),
        TableColumns.Column("MinPods", "minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."),
        TableColumns.Column("MaxPods", "maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."),
        TableColumns.Column("Replicas", "currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var autoscaler = (HorizontalPodAutoscaler)obj;
        var spec = autoscaler.Spec;
        return
        [
            autoscaler.Metadata.Name ?? "",
            $"{spec.ScaleTargetRef.Kind}/{spec.ScaleTargetRef.Name}",
            Targets(spec.Metrics ?? [], autoscaler.Status.CurrentMetrics ?? []),
            spec.MinReplicas?.ToString() ?? "<unset>",
            spec.MaxReplicas,
            autoscaler.Status.CurrentReplicas ?? 0,
            Ages.Since(autoscaler.Metadata.CreationTimestamp, now),
        ];
    }

    private static string Targets(List<MetricSpec> specs, List<MetricStatus> statuses)
    {
        if (specs.Count == 0) return "<none>";
        var list = specs.Select((spec, i) => Target(spec, i < statuses.Count ? statuses[i] : null)).ToList();
        var text = string.Join(", ", list.Take(ShownMetrics));
        return list.Count > ShownMetrics ? $"{text} + {list.Count - ShownMetrics} more..." : text;
    }

    /// <summary>One metric as <c>current/target</c>; current is <c>&lt;unknown&gt;</c> until an autoscaler reports it.</summary>
    private static string Target(MetricSpec spec, MetricStatus? status) => spec.Type switch
    {
        "External" when spec.External is { } external => ValueOrAverage(external.Target, status?.External?.Current),
        "Pods" when spec.Pods is { } pods => $"{status?.Pods?.Current.AverageValue?.Value ?? Unknown}/{pods.Target.AverageValue?.Value}",
        "Object" when spec.Object is { } source => ValueOrAverage(source.Target, status?.Object?.Current),
        "Resource" when spec.Resource is { } resource => Resource(resource.Name, resource.Target, status?.Resource?.Current),
        "ContainerResource" when spec.ContainerResource is { } container => Resource(container.Name, container.Target, status?.ContainerResource?.Current),
        _ => "<unknown type>",
    };

    private static string ValueOrAverage(MetricTarget target, MetricValueStatus? current) =>
        target.AverageValue is { } average
            ? $"{current?.AverageValue?.Value ?? Unknown}/{average.Value} (avg)"
            : $"{current?.Value?.Value ?? Unknown}/{target.Value?.Value}";

    private static string Resource(string name, MetricTarget target, MetricValueStatus? current)
    {
        if (target.AverageValue is { } average) return $"{name}: {current?.AverageValue?.Value ?? Unknown}/{average.Value}";
        var now = current?.AverageUtilization is { } utilization ? $"{utilization}%" : Unknown;
        var wanted = target.AverageUtilization is { } goal ? $"{goal}%" : "<auto>";
        return $"{name}: {now}/{wanted}";
    }
}
