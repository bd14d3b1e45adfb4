namespace KubeLab.Scenarios.Loading;

/// <summary>
/// "Did you mean" for names: the closest candidate by optimal string alignment distance (edits
/// plus swapped neighbours, the commonest typo), when it is close enough to be a typo at all.
/// </summary>
internal static class Suggestions
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > 64) return null; // not a typo, and distance is quadratic in length
        var allowed = word.Length switch { <= 2 => 1, <= 5 => 2, _ => 3 };
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= allowed && distance < Math.Max(word.Length, 2)) (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary><c>" — did you mean 'x'?"</c>, or nothing when no candidate is close.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $" — did you mean '{match}'?" : "";

    /// <summary>Names for a message, at most ten of them, so that no message grows with the file.</summary>
    public static string Some(IEnumerable<string> names, string prefix = "", string suffix = "")
    {
        var list = names.Take(11).Select(n => prefix + n + suffix).ToList();
        return list.Count <= 10 ? string.Join(", ", list) : string.Join(", ", list.Take(10)) + ", ...";
    }

    /// <summary>Optimal string alignment distance, keeping only the three rows it needs.</summary>
    internal static int Distance(string a, string b)
    {
        var (before, previous, current) = (new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = Math.Min(current[j], before[j - 2] + 1);
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}
