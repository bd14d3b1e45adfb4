using System.Text.RegularExpressions;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Printers;

/// <summary>Label maps and label selectors as apimachinery's <c>labels</c> package writes them.</summary>
public static partial class SelectorText
{
    /// <summary><c>labels.FormatLabels</c>: <c>k=v</c> pairs sorted as whole strings, or <c>&lt;none&gt;</c>.</summary>
    public static string Labels(IReadOnlyDictionary<string, string>? labels)
    {
        var pairs = (labels ?? new Dictionary<string, string>()).Select(kv => kv.Key + "=" + kv.Value).Order(StringComparer.Ordinal);
        var text = string.Join(",", pairs);
        return text.Length == 0 ? "<none>" : text;
    }

    /// <summary><c>metav1.FormatLabelSelector</c>: <c>&lt;none&gt;</c> when it selects by nothing, <c>&lt;error&gt;</c> when invalid.</summary>
    public static string Format(LabelSelector? selector) => Selector(selector) switch
    {
        null => "<error>",
        "" => "<none>",
        var text => text,
    };

    /// <summary>
    /// The string of <c>metav1.LabelSelectorAsSelector</c>: requirements sorted by key, e.g.
    /// <c>app=web,tier in (a,b),!canary</c>; empty for a missing or empty selector; null when invalid.
    /// </summary>
    public static string? Selector(LabelSelector? selector)
    {
        if (selector is null) return "";
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? [])
        {
            if (!IsValid(key, [value])) return null;
            requirements.Add((key, key + "=" + value));
        }
        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = expression.Values ?? [];
            var text = Requirement(expression.Key, expression.Operator, values);
            if (text is null || !IsValid(expression.Key, values)) return null;
            requirements.Add((expression.Key, text));
        }
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    private static string? Requirement(string key, string op, List<string> values) => op switch
    {
        "In" when values.Count > 0 => $"{key} in ({Values(values)})",
        "NotIn" when values.Count > 0 => $"{key} notin ({Values(values)})",
        "Exists" when values.Count == 0 => key,
        "DoesNotExist" when values.Count == 0 => "!" + key,
        _ => null,
    };

    private static string Values(List<string> values) => string.Join(",", values.Order(StringComparer.Ordinal));

    private static bool IsValid(string key, IEnumerable<string> values) =>
        !MetadataValidation.QualifiedName(key).Any() && values.All(v => v.Length <= 63 && LabelValue().IsMatch(v));

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
