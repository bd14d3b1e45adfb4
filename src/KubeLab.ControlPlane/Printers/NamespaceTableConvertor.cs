using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get namespaces</c>: NAME STATUS AGE.</summary>
public sealed class NamespaceTableConvertor : ITableConvertor
{
    public static readonly NamespaceTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Status", "The status of the namespace"),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ns = (Namespace)obj;
        return [ns.Metadata.Name ?? "", ns.Status.Phase ?? "", Ages.Since(ns.Metadata.CreationTimestamp, now)];
    }
}
