using KubeLab.Scenarios.Model;

namespace KubeLab.Site.Lessons;

/// <summary>
/// The catalog's filter: a tag (exactly) and words that must each appear, in any case, in a lesson's id,
/// title, summary or tags. Empty matches everything.
/// </summary>
public sealed record CatalogQuery(string? Text, string? Tag)
{
    public IEnumerable<Scenario> Apply(IEnumerable<Scenario> lessons) => lessons.Where(Matches);

    public bool Matches(Scenario lesson)
    {
        var meta = lesson.Metadata;
        if (!string.IsNullOrEmpty(Tag) && !meta.Tags.Contains(Tag, StringComparer.Ordinal)) return false;
        var words = (Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var haystack = string.Join('\n', [meta.Id, meta.Title, meta.Summary, .. meta.Tags]);
        return words.All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
