using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

/// <summary>meta.k8s.io/v1 Table: what <c>kubectl get</c> asks for and prints.</summary>
public sealed class Table
{
    public string Kind { get; set; } = "Table";
    public string ApiVersion { get; set; } = "meta.k8s.io/v1";
    [EmitEmpty] public ListMeta Metadata { get; set; } = new();
    [EmitEmpty] public List<TableColumnDefinition>? ColumnDefinitions { get; set; } = [];
    [EmitEmpty] public List<TableRow> Rows { get; set; } = [];
}

public sealed record TableColumnDefinition(
    [property: EmitEmpty] string Name,
    [property: EmitEmpty] string Type,
    [property: EmitEmpty] string Format,
    [property: EmitEmpty] string Description,
    [property: EmitEmpty] int Priority);

public sealed class TableRow
{
    /// <summary>Cells are strings, integers or booleans, as the Go printers emit them.</summary>
    [EmitEmpty] public List<JsonNode?> Cells { get; set; } = [];
    public List<TableRowCondition>? Conditions { get; set; }
    public PartialObjectMetadata? Object { get; set; }
}

public sealed record TableRowCondition(string Type, string Status, string? Reason, string? Message);

public sealed class PartialObjectMetadata
{
    public string Kind { get; set; } = "PartialObjectMetadata";
    public string ApiVersion { get; set; } = "meta.k8s.io/v1";
    [EmitEmpty, Proto(1)] public ObjectMeta Metadata { get; set; } = new();
}
