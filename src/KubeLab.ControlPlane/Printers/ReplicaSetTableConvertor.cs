using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get replicasets</c>: NAME DESIRED CURRENT READY AGE, and with -o wide CONTAINERS IMAGES SELECTOR.</summary>
public sealed class ReplicaSetTableConvertor : ITableConvertor
{
    public static readonly ReplicaSetTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Desired", "Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset", type: "integer"),
        TableColumns.Column("Current", "Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset", type: "integer"),
        TableColumns.Column("Ready", "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.", type: "integer"),
        TableColumns.Age,
        TableColumns.Containers,
        TableColumns.Images,
        TableColumns.Column("Selector", "Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", priority: 1),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var replicaSet = (ReplicaSet)obj;
        var (spec, status) = (replicaSet.Spec, replicaSet.Status);
        var (names, images) = ContainerCells.Of(spec.Template.Spec.Containers);
        return
        [
            replicaSet.Metadata.Name ?? "",
            (long)(spec.Replicas ?? 0),
            (long)status.Replicas,
            (long)(status.ReadyReplicas ?? 0),
            Ages.Since(replicaSet.Metadata.CreationTimestamp, now),
            names,
            images,
            SelectorText.Format(spec.Selector),
        ];
    }
}
