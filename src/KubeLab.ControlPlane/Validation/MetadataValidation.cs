using System.Text.RegularExpressions;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Validation;

/// <summary>ObjectMeta rules shared by every kind (apimachinery's ValidateObjectMeta).</summary>
public static partial class MetadataValidation
{
    public static IEnumerable<FieldError> Validate(ObjectMeta meta, bool namespaced, NameRules.Rule nameRule)
    {
        if (string.IsNullOrEmpty(meta.Name))
        {
            if (string.IsNullOrEmpty(meta.GenerateName))
                yield return FieldError.Required("metadata.name", "name or generateName is required");
        }
        else
        {
            foreach (var message in nameRule(meta.Name))
                yield return FieldError.Invalid("metadata.name", meta.Name, message);
        }
        if (!namespaced && !string.IsNullOrEmpty(meta.Namespace))
            yield return FieldError.Forbidden("metadata.namespace", "not allowed on this type");
        foreach (var error in ValidateLabels(meta.Labels, "metadata.labels")) yield return error;
        foreach (var (key, _) in meta.Annotations ?? [])
            foreach (var message in QualifiedName(key))
                yield return FieldError.Invalid("metadata.annotations", key, message);
    }

    public static IEnumerable<FieldError> ValidateLabels(Dictionary<string, string>? labels, string field)
    {
        foreach (var (key, value) in labels ?? [])
        {
            foreach (var message in QualifiedName(key)) yield return FieldError.Invalid(field, key, message);
            if (value.Length > 63) yield return FieldError.Invalid(field, value, "must be no more than 63 characters");
            if (!LabelValue().IsMatch(value))
                yield return FieldError.Invalid(field, value, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        }
    }

    /// <summary>A label or annotation key: an optional DNS subdomain prefix and a name part.</summary>
    public static IEnumerable<string> QualifiedName(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0) yield return "prefix part must be non-empty";
            else foreach (var message in NameRules.Dns1123Subdomain(prefix)) yield return "prefix part " + message;
        }
        if (name.Length == 0) yield return "name part must be non-empty";
        else if (name.Length > 63) yield return "name part must be no more than 63 characters";
        if (name.Length > 0 && !QualifiedNamePart().IsMatch(name))
            yield return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    }

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();
}
