using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get quota</c>: NAME AGE REQUEST LIMIT, each cell <c>resource: used/hard</c> pairs.</summary>
public sealed class ResourceQuotaTableConvertor : ITableConvertor
{
    public static readonly ResourceQuotaTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Age,
        TableColumns.Column("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
        TableColumns.Column("Limit", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var quota = (ResourceQuota)obj;
        var hard = quota.Status.Hard ?? [];
        var used = quota.Status.Used ?? [];
        string Pairs(bool limits) => string.Join(", ", hard.Keys
            .Where(k => k.StartsWith("limits", StringComparison.Ordinal) == limits)
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}: {(used.TryGetValue(k, out var u) ? u.Value : "0")}/{hard[k].Value}"));
        return [quota.Metadata.Name ?? "", Ages.Since(quota.Metadata.CreationTimestamp, now), Pairs(limits: false), Pairs(limits: true)];
    }
}
