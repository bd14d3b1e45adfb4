using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Api.Policy;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get pdb</c>: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE.</summary>
public sealed class PodDisruptionBudgetTableConvertor : ITableConvertor
{
    public static readonly PodDisruptionBudgetTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Min Available", "The minimum number of pods that must be available."),
        TableColumns.Column("Max Unavailable", "The maximum number of pods that may be unavailable."),
        TableColumns.Column("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time.", type: "integer"),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var budget = (PodDisruptionBudget)obj;
        return
        [
            budget.Metadata.Name ?? "",
            Text(budget.Spec.MinAvailable),
            Text(budget.Spec.MaxUnavailable),
            budget.Status.DisruptionsAllowed,
            Ages.Since(budget.Metadata.CreationTimestamp, now),
        ];
    }

    private static string Text(IntOrString? value) => value is null ? "N/A" : value.Value.IntValue?.ToString() ?? value.Value.StringValue ?? "";
}
