namespace KubeLab.Scenarios.Kubectl.Output.Yaml;

/// <summary>
/// go-yaml v2's map key order (its <c>keyList.Less</c>) for string keys: at the first differing
/// character, two letters compare by code point, a non-letter sorts before a letter, and runs of
/// digits compare as numbers (<c>item2</c> before <c>item10</c>). This is why kubectl's YAML is not
/// in plain byte order (<c>a-b</c> before <c>aB</c> before <c>ab</c>).
/// </summary>
internal sealed class YamlKeyOrder : IComparer<string>
{
    public static readonly YamlKeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (Less(x ?? "", y ?? "")) return -1;
        return Less(y ?? "", x ?? "") ? 1 : 0;
    }

    private static bool Less(string a, string b)
    {
        var ar = a.EnumerateRunes().Select(r => r.Value).ToArray();
        var br = b.EnumerateRunes().Select(r => r.Value).ToArray();
        for (var i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i]) continue;
            var al = IsLetter(ar[i]);
            var bl = IsLetter(br[i]);
            if (al && bl) return ar[i] < br[i];
            if (al || bl) return bl;

            // Both are non-letters: compare the digit runs that start here as numbers.
            long an = 0, bn = 0;
            if (ar[i] == '0' || br[i] == '0')
            {
                // A zero that continues a number with a non-zero digit before it counts as a digit.
                for (var j = i - 1; j >= 0 && IsDigit(ar[j]); j--)
                {
                    if (ar[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai, bi;
            for (ai = i; ai < ar.Length && IsDigit(ar[ai]); ai++) an = an * 10 + (ar[ai] - '0');
            for (bi = i; bi < br.Length && IsDigit(br[bi]); bi++) bn = bn * 10 + (br[bi] - '0');
            if (an != bn) return an < bn;
            if (ai != bi) return ai < bi;
            return ar[i] < br[i];
        }
        return ar.Length < br.Length;
    }

    private static bool IsLetter(int rune) => System.Text.Rune.IsLetter(new System.Text.Rune(rune));

    private static bool IsDigit(int rune) => System.Text.Rune.IsDigit(new System.Text.Rune(rune));
}
