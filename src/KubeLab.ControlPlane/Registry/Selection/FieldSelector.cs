using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Registry.Selection;

/// <summary>A parsed <c>fieldSelector</c>: <c>f=v</c>, <c>f==v</c>, <c>f!=v</c>, comma-joined.</summary>
public sealed class FieldSelectorQuery
{
    public static readonly FieldSelectorQuery Everything = new([]);

    private FieldSelectorQuery(List<(string Field, bool Equal, string Value)> terms) => Terms = terms;

    public IReadOnlyList<(string Field, bool Equal, string Value)> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The value a term requires for <paramref name="field"/> with <c>=</c>, if any.</summary>
    public string? RequiredValue(string field) => Terms.FirstOrDefault(t => t.Field == field && t.Equal).Value;

    public static FieldSelectorQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var (at, length, equal) = term.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? (ne, 2, false)
                : term.IndexOf("==", StringComparison.Ordinal) is var ee and > 0 ? (ee, 2, true)
                : term.IndexOf('=') is var e and > 0 ? (e, 1, true)
                : (-1, 0, false);
            if (at < 0) throw StatusErrors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            terms.Add((term[..at].Trim(), equal, term[(at + length)..].Trim()));
        }
        return new FieldSelectorQuery(terms);
    }

    /// <summary>Whether an object matches, given a way to read a field's value (null: unsupported field).</summary>
    public bool Matches(Func<string, string?> valueOf) =>
        Terms.All(t => (valueOf(t.Field) ?? "") == t.Value == t.Equal);
}
