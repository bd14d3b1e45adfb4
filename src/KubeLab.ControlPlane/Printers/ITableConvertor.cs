using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary>A kind's server-side printer: its columns and the cells of one row.</summary>
public interface ITableConvertor
{
    IReadOnlyList<TableColumnDefinition> Columns { get; }
    List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now);
}

/// <summary>For kinds without a printer: Name and Created At, as apiserver's defaultTableConvertor.</summary>
public sealed class DefaultTableConvertor : ITableConvertor
{
    public static readonly DefaultTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        new("Name", "string", "name", "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", 0),
        new("Created At", "date", "", "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata", 0),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now) =>
    [
        obj.Metadata.Name,
        obj.Metadata.CreationTimestamp is { } created ? Serialization.Rfc3339Converter.Format(created) : null,
    ];
}
