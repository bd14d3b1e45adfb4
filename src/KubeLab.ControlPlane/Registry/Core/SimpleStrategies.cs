using System.Text;
using System.Text.RegularExpressions;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Registry.Core;

public sealed partial class ConfigMapStrategy : ResourceStrategy<ConfigMap>
{
    public override bool Namespaced => true;

    protected override IEnumerable<FieldError> Validate(ConfigMap configMap) =>
        ConfigKeys.Validate((configMap.Data?.Keys.AsEnumerable() ?? []).Concat(configMap.BinaryData?.Keys.AsEnumerable() ?? []), "data");

    protected override IEnumerable<FieldError> ValidateUpdate(ConfigMap configMap, ConfigMap old) =>
        ImmutableData.Check(old.Immutable, configMap.Data, old.Data, configMap.BinaryData, old.BinaryData);
}

public sealed class SecretStrategy : ResourceStrategy<Secret>
{
    public override bool Namespaced => true;

    protected override void ApplyDefaults(Secret secret) => Normalize(secret);

    protected override IEnumerable<FieldError> Validate(Secret secret) => ConfigKeys.Validate(secret.Data?.Keys.AsEnumerable() ?? [], "data");

    protected override IEnumerable<FieldError> ValidateUpdate(Secret secret, Secret old)
    {
        if (secret.Type != old.Type) yield return FieldError.Invalid("type", secret.Type, "field is immutable");
        foreach (var error in ImmutableData.Check<byte[], byte[]>(old.Immutable, secret.Data, old.Data, null, null)) yield return error;
    }

    protected override string? SelectableField(Secret secret, string field) => field == "type" ? secret.Type : null;

    /// <summary>stringData is write-only: folded into data, then dropped.</summary>
    private static void Normalize(Secret secret)
    {
        secret.Type ??= "Opaque";
        if (secret.StringData is null) return;
        secret.Data ??= [];
        foreach (var (key, value) in secret.StringData) secret.Data[key] = Encoding.UTF8.GetBytes(value);
        secret.StringData = null;
    }
}

public sealed class ServiceAccountStrategy : ResourceStrategy<ServiceAccount>
{
    public override bool Namespaced => true;
}

public sealed class EndpointsStrategy : ResourceStrategy<Endpoints>
{
    public override bool Namespaced => true;
}

public sealed class NodeStrategy : ResourceStrategy<Node>
{
    public override bool Namespaced => false;
    public override bool HasStatusSubresource => true;

    protected override string? SelectableField(Node node, string field) =>
        field == "spec.unschedulable" ? (node.Spec.Unschedulable == true ? "true" : "false") : null;
}

public sealed class EventStrategy : ResourceStrategy<Event>
{
    public override bool Namespaced => true;

    protected override string? SelectableField(Event e, string field) => field switch
    {
        "involvedObject.kind" => e.InvolvedObject.Kind ?? "",
        "involvedObject.namespace" => e.InvolvedObject.Namespace ?? "",
        "involvedObject.name" => e.InvolvedObject.Name ?? "",
        "involvedObject.uid" => e.InvolvedObject.Uid ?? "",
        "involvedObject.apiVersion" => e.InvolvedObject.ApiVersion ?? "",
        "involvedObject.resourceVersion" => e.InvolvedObject.ResourceVersion ?? "",
        "involvedObject.fieldPath" => e.InvolvedObject.FieldPath ?? "",
        "reason" => e.Reason ?? "",
        "reportingComponent" => e.ReportingComponent,
        "source" => e.Source.Component ?? "",
        "type" => e.Type ?? "",
        _ => null,
    };
}

/// <summary>ConfigMap and Secret keys: the same rule, the same message.</summary>
internal static partial class ConfigKeys
{
    public static IEnumerable<FieldError> Validate(IEnumerable<string> keys, string field)
    {
        foreach (var key in keys)
        {
            if (key.Length > 253) yield return FieldError.Invalid($"{field}[{key}]", key, "must be no more than 253 characters");
            if (!Pattern().IsMatch(key))
                yield return FieldError.Invalid($"{field}[{key}]", key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
            else if (key is "." or "..")
                yield return FieldError.Invalid($"{field}[{key}]", key, $"must not be '{key}'");
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex Pattern();
}

/// <summary>Once <c>immutable: true</c>, data may not change and the flag may not be unset.</summary>
internal static class ImmutableData
{
    public static IEnumerable<FieldError> Check<TA, TB>(bool? wasImmutable, Dictionary<string, TA>? data, Dictionary<string, TA>? oldData,
        Dictionary<string, TB>? binary, Dictionary<string, TB>? oldBinary)
    {
        if (wasImmutable != true) yield break;
        if (!Same(data, oldData)) yield return FieldError.Forbidden("data", "field is immutable when `immutable` is set");
        if (!Same(binary, oldBinary)) yield return FieldError.Forbidden("binaryData", "field is immutable when `immutable` is set");
    }

    private static bool Same<T>(Dictionary<string, T>? a, Dictionary<string, T>? b) =>
        System.Text.Json.JsonSerializer.Serialize(a ?? []) == System.Text.Json.JsonSerializer.Serialize(b ?? []);
}

public sealed class ResourceQuotaStrategy : ResourceStrategy<ResourceQuota>
{
    public override bool Namespaced => true;
    public override bool HasStatusSubresource => true;
}

public sealed class LimitRangeStrategy : ResourceStrategy<LimitRange>
{
    public override bool Namespaced => true;
}
