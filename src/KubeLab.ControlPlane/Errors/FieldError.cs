using System.Globalization;

namespace KubeLab.ControlPlane.Errors;

/// <summary>One validation failure, worded as k8s.io/apimachinery/pkg/util/validation/field words it.</summary>
public sealed record FieldError(string Field, string Reason, string Detail)
{
    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldError Invalid(string field, object? value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {Quote(value)}: {detail}");

    public static FieldError NotSupported(string field, object? value, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: {Quote(value)}: supported values: {string.Join(", ", supported.Select(s => Quote(s)))}");

    public static FieldError Duplicate(string field, object? value) =>
        new(field, "FieldValueDuplicate", $"Duplicate value: {Quote(value)}");

    public static FieldError Forbidden(string field, string detail) =>
        new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public override string ToString() => $"{Field}: {Detail}";

    private static string Quote(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
