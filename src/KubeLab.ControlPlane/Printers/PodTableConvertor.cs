using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get pods</c>: NAME READY STATUS RESTARTS AGE, and with -o wide IP NODE NOMINATED NODE READINESS GATES.</summary>
public sealed class PodTableConvertor : ITableConvertor
{
    public static readonly PodTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        TableColumns.Column("Status", "The aggregate status of the containers in this pod."),
        TableColumns.Column("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        TableColumns.Age,
        TableColumns.Column("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", priority: 1),
        TableColumns.Column("Node", "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename", priority: 1),
        TableColumns.Column("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.", priority: 1),
        TableColumns.Column("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates", priority: 1),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var pod = (Pod)obj;
        var (ready, status, restarts) = PodStatusSummary.Of(pod, now);
        return
        [
            pod.Metadata.Name ?? "",
            ready,
            status,
            restarts,
            Ages.Since(pod.Metadata.CreationTimestamp, now),
            OrNone(PodIp(pod.Status)),
            OrNone(pod.Spec.NodeName),
            OrNone(pod.Status.NominatedNodeName),
            ReadinessGates(pod),
        ];
    }

    public List<TableRowCondition>? Conditions(KubeObject obj) => ((Pod)obj).Status.Phase switch
    {
        "Succeeded" => [new("Completed", "True", "Succeeded", "The pod has completed successfully.")],
        "Failed" => [new("Completed", "True", "Failed", "The pod failed.")],
        _ => null,
    };

    /// <summary>The first pod IP; a podIP that disagrees with podIPs wins, as in the v1 conversion.</summary>
    private static string? PodIp(PodStatus status) =>
        !string.IsNullOrEmpty(status.PodIp) ? status.PodIp : status.PodIps is [var first, ..] ? first.Ip : null;

    /// <summary><c>true/total</c> over the spec's readiness gates, judged by the first condition of each type.</summary>
    private static string ReadinessGates(Pod pod)
    {
        var gates = pod.Spec.ReadinessGates ?? [];
        if (gates.Count == 0) return "<none>";
        var passed = gates.Count(gate =>
            pod.Status.Conditions?.FirstOrDefault(c => c.Type == ConditionType(gate)) is { Status: "True" });
        return $"{passed}/{gates.Count}";
    }

    private static string ConditionType(JsonObject gate) =>
        gate["conditionType"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : "";

    private static string OrNone(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;
}
