using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Loading;

/// <summary>The spellings names in a lesson must have, each with the words an error uses for it.</summary>
internal static partial class Names
{
    /// <summary>Lesson ids and tags: lower-case words joined by '-', e.g. <c>pods-on-the-wire</c>.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    /// <summary>A DNS label, as namespace names are (RFC 1123).</summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    public static partial Regex DnsLabel();

    /// <summary>Captures: <c>${rv}</c>, <c>${podUid}</c>.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    public static partial Regex Variable();

    /// <summary>Environment variables, as shells name them.</summary>
    [GeneratedRegex("^[A-Z_][A-Z0-9_]*$")]
    public static partial Regex EnvironmentVariable();

    /// <summary>Files in the learner's directory: relative, no '..', nothing a shell would need quoted.</summary>
    [GeneratedRegex(@"^(?!.*(^|/)\.\.(/|$))[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")]
    public static partial Regex WorkspaceFile();

    /// <summary>HTTP header names (RFC 9110 tokens).</summary>
    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")]
    public static partial Regex HeaderName();
}
