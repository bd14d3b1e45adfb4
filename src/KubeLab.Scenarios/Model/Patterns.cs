using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Model;

/// <summary>
/// The regular expressions of <c>matches</c>: .NET syntax, multi-line (<c>^</c> and <c>$</c> match at
/// line ends), with a time limit so that a pathological pattern fails a check instead of hanging a run.
/// </summary>
public static class Patterns
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Regex Create(string pattern) => new(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, MatchTimeout);
}
