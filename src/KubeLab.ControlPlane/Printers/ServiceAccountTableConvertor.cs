using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary><c>kubectl get serviceaccounts</c>: NAME SECRETS AGE.</summary>
public sealed class ServiceAccountTableConvertor : ITableConvertor
{
    public static readonly ServiceAccountTableConvertor Instance = new();

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". The \"kubernetes.io/enforce-mountable-secrets\" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret"),
        TableColumns.Age,
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var account = (ServiceAccount)obj;
        return [account.Metadata.Name ?? "", (long)(account.Secrets?.Count ?? 0), Ages.Since(account.Metadata.CreationTimestamp, now)];
    }
}
