using System.Text;

namespace KubeLab.Scenarios.Model;

/// <summary>
/// <c>${name}</c> references in step text: captures of earlier steps, and the built-in
/// <see cref="Builtins"/>. <c>$${</c> writes a literal <c>${</c>.
/// </summary>
public static class Variables
{
    /// <summary><c>server</c>: the API server's URL as the learner's kubeconfig names it.</summary>
    public static readonly IReadOnlyList<string> Builtins = ["server"];

    public static IEnumerable<VariableReference> References(string text)
    {
        for (var i = text.IndexOf('$'); i >= 0 && i < text.Length - 1; i = text.IndexOf('$', i + 1))
        {
            if (text[i + 1] == '$') { i++; continue; }
            if (text[i + 1] != '{') continue;
            var close = text.IndexOf('}', i + 2);
            yield return new VariableReference(close < 0 ? null : text[(i + 2)..close], i);
            if (close < 0) yield break;
            i = close;
        }
    }

    /// <summary>The text with every reference replaced; unknown names are left as written.</summary>
    public static string Substitute(string text, Func<string, string?> lookup)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$') { result.Append('$'); i++; continue; }
            var close = text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{' ? text.IndexOf('}', i + 2) : -1;
            if (close > 0 && lookup(text[(i + 2)..close]) is { } value) { result.Append(value); i = close; }
            else result.Append(text[i]);
        }
        return result.ToString();
    }
}

/// <summary>A <c>${name}</c> at <see cref="Offset"/>; <see cref="Name"/> is null when the brace is not closed.</summary>
public readonly record struct VariableReference(string? Name, int Offset);
