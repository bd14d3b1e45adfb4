using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get configmaps</c>: NAME DATA AGE, DATA counting data and binaryData keys.</summary>
public sealed class ConfigMapTableConvertor : ITableConvertor
{
    public static readonly ConfigMapTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Data", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var configMap = (ConfigMap)obj;
        long data = (configMap.Data?.Count ?? 0) + (configMap.BinaryData?.Count ?? 0);
        return [configMap.Metadata.Name ?? "", data, Ages.Since(configMap.Metadata.CreationTimestamp, now)];
    }
}
