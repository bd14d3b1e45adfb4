using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// <c>kubectl get deployments</c>: NAME READY UP-TO-DATE AVAILABLE AGE, and with -o wide
/// CONTAINERS IMAGES SELECTOR. UP-TO-DATE and AVAILABLE are integers although typed "string".
/// </summary>
public sealed class DeploymentTableConvertor : ITableConvertor
{
    public static readonly DeploymentTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Ready", "Number of the pod with ready state"),
        TableColumns.Column("Up-to-date", "Total number of non-terminating pods targeted by this deployment that have the desired template spec."),
        TableColumns.Column("Available", "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment."),
        TableColumns.Age,
        TableColumns.Containers,
        TableColumns.Images,
        TableColumns.Column("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", priority: 1),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var deployment = (Deployment)obj;
        var (spec, status) = (deployment.Spec, deployment.Status);
        var (names, images) = ContainerCells.Of(spec.Template.Spec.Containers);
        return
        [
            deployment.Metadata.Name ?? "",
            $"{status.ReadyReplicas ?? 0}/{spec.Replicas ?? 0}",
            (long)(status.UpdatedReplicas ?? 0),
            (long)(status.AvailableReplicas ?? 0),
            Ages.Since(deployment.Metadata.CreationTimestamp, now),
            names,
            images,
            SelectorText.Selector(spec.Selector) ?? "<invalid>",
        ];
    }
}
