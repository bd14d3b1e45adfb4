using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Validation;

/// <summary>metav1 validation's ValidateLabelSelector: label rules for matchLabels, operator rules for matchExpressions.</summary>
public static class SelectorValidation
{
    public static IEnumerable<FieldError> Validate(LabelSelector? selector, string path)
    {
        if (selector is null) yield break;
        foreach (var (expression, i) in (selector.MatchExpressions ?? []).Select((e, i) => (e, i)))
        {
            var at = $"{path}.matchExpressions[{i}]";
            switch (expression.Operator)
            {
                case "In" or "NotIn" when expression.Values is not { Count: > 0 }:
                    yield return FieldError.Required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
                    break;
                case "Exists" or "DoesNotExist" when expression.Values is { Count: > 0 }:
                    yield return FieldError.Forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    yield return FieldError.Invalid(at + ".operator", expression.Operator, "not a valid selector operator");
                    break;
            }
            foreach (var message in MetadataValidation.QualifiedName(expression.Key))
                yield return FieldError.Invalid(at + ".key", expression.Key, message);
        }
        foreach (var error in MetadataValidation.ValidateLabels(selector.MatchLabels, path + ".matchLabels")) yield return error;
    }
}
