using System.Text;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>
/// Go's <c>url.Values.Encode()</c>, which client-go uses for every query: keys sorted, values escaped with
/// <c>url.QueryEscape</c> (<c>app=web</c> becomes <c>app%3Dweb</c>, a space <c>+</c>).
/// </summary>
public sealed class GoQuery
{
    private readonly SortedDictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public GoQuery Add(string key, string value)
    {
        if (!values.TryGetValue(key, out var list)) values[key] = list = [];
        list.Add(value);
        return this;
    }

    public GoQuery AddIf(bool condition, string key, string value) => condition ? Add(key, value) : this;

    public bool IsEmpty => values.Count == 0;

    public string Encode() =>
        string.Join('&', values.SelectMany(kv => kv.Value.Select(v => Escape(kv.Key) + "=" + Escape(v))));

    public override string ToString() => Encode();

    /// <summary><c>url.QueryEscape</c>.</summary>
    public static string Escape(string s)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') text.Append(c);
            else if (c == ' ') text.Append('+');
            else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
