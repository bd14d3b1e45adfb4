using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Registry.Selection;

/// <summary>
/// A parsed <c>labelSelector</c>: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, joined by commas; all must hold.
/// </summary>
public sealed class LabelSelectorQuery
{
    private readonly List<Requirement> _requirements;

    private LabelSelectorQuery(List<Requirement> requirements) => _requirements = requirements;

    public static readonly LabelSelectorQuery Everything = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string>? labels) => _requirements.All(r => r.Matches(labels));

    public static LabelSelectorQuery FromMatchLabels(IReadOnlyDictionary<string, string>? matchLabels) =>
        new((matchLabels ?? new Dictionary<string, string>()).Select(kv => new Requirement(kv.Key, Operator.Equals, [kv.Value])).ToList());

    /// <summary>A metav1.LabelSelector: its matchLabels and matchExpressions must all hold; a null selector matches nothing.</summary>
    public static LabelSelectorQuery FromSelector(Api.Meta.LabelSelector? selector)
    {
        if (selector is null) return new([new Requirement("", Operator.Exists, [])]);
        var requirements = FromMatchLabels(selector.MatchLabels)._requirements;
        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var op = expression.Operator switch
            {
                "In" => Operator.In,
                "NotIn" => Operator.NotIn,
                "Exists" => Operator.Exists,
                _ => Operator.DoesNotExist,
            };
            requirements.Add(new Requirement(expression.Key, op, [.. expression.Values ?? []]));
        }
        return new LabelSelectorQuery(requirements);
    }

    public static LabelSelectorQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var requirements = new List<Requirement>();
        foreach (var term in SplitTerms(text))
            requirements.Add(ParseTerm(term.Trim(), text));
        return new LabelSelectorQuery(requirements);
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private static Requirement ParseTerm(string term, string whole)
    {
        if (term.Length == 0) throw Invalid(whole, "found '', expected: identifier");
        if (term.StartsWith('!')) return new Requirement(Key(term[1..].Trim(), whole), Operator.DoesNotExist, []);
        foreach (var (token, op) in new[] { ("!=", Operator.NotEquals), ("==", Operator.Equals), ("=", Operator.Equals) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at > 0) return new Requirement(Key(term[..at].Trim(), whole), op, [term[(at + token.Length)..].Trim()]);
        }
        foreach (var (word, op) in new[] { (" notin ", Operator.NotIn), (" in ", Operator.In) })
        {
            var at = term.IndexOf(word, StringComparison.Ordinal);
            if (at <= 0) continue;
            var set = term[(at + word.Length)..].Trim();
            if (!set.StartsWith('(') || !set.EndsWith(')')) throw Invalid(whole, "found '" + set + "', expected: '('");
            var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries).Where(v => v.Length > 0).ToArray();
            return new Requirement(Key(term[..at].Trim(), whole), op, values);
        }
        return new Requirement(Key(term, whole), Operator.Exists, []);
    }

    private static string Key(string key, string whole)
    {
        var problems = Validation.MetadataValidation.QualifiedName(key).ToList();
        if (problems.Count > 0) throw Invalid(whole, $"key: Invalid value: \"{key}\": {problems[0]}");
        return key;
    }

    private static ApiException Invalid(string selector, string detail) =>
        StatusErrors.BadRequest($"unable to parse requirement: {detail}");

    private enum Operator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist }

    private sealed record Requirement(string Key, Operator Op, string[] Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string>? labels)
        {
            string? value = null;
            var has = labels is not null && labels.TryGetValue(Key, out value);
            return Op switch
            {
                Operator.Equals or Operator.In => has && Values.Contains(value),
                Operator.NotEquals or Operator.NotIn => !has || !Values.Contains(value),
                Operator.Exists => has,
                _ => !has,
            };
        }
    }
}
