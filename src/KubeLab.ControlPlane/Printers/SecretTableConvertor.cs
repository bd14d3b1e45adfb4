using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get secrets</c>: NAME TYPE DATA AGE.</summary>
public sealed class SecretTableConvertor : ITableConvertor
{
    public static readonly SecretTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Type", "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
        TableColumns.Column("Data", "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var secret = (Secret)obj;
        return [secret.Metadata.Name ?? "", secret.Type ?? "", (long)DataKeys(secret), Ages.Since(secret.Metadata.CreationTimestamp, now)];
    }

    /// <summary>Keys of data, with any stringData merged in as the v1 conversion does.</summary>
    private static int DataKeys(Secret secret) =>
        (secret.Data?.Keys ?? Enumerable.Empty<string>()).Union(secret.StringData?.Keys ?? Enumerable.Empty<string>()).Count();
}
