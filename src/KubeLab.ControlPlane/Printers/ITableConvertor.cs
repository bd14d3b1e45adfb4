using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary>A kind's server-side printer: its columns and the cells of one row.</summary>
public interface ITableConvertor
{
    IReadOnlyList<TableColumnDefinition> Columns { get; }
    List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now);

    /// <summary>The row's conditions, e.g. <c>Completed</c> for finished pods; null for most kinds.</summary>
    List<TableRowCondition>? Conditions(KubeObject obj) => null;
}

/// <summary>For kinds without a printer: Name and Created At, as apiserver's defaultTableConvertor.</summary>
public sealed class DefaultTableConvertor : ITableConvertor
{
    public static readonly DefaultTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Created At", TableColumns.CreationTimestampDescription, type: "date"),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now) =>
    [
        obj.Metadata.Name,
        obj.Metadata.CreationTimestamp is { } created ? Serialization.Rfc3339Converter.Format(created) : null,
    ];
}
