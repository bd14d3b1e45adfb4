namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>How a flag's text becomes a value: pflag's value types as kubectl declares them.</summary>
public enum FlagType
{
    Bool,
    String,
    /// <summary>Each occurrence is read as CSV and appended (<c>-f a.yaml,b.yaml</c>).</summary>
    StringSlice,
    /// <summary>Each occurrence is appended as is (<c>--from-literal=a=1,2</c> keeps its comma).</summary>
    StringArray,
    /// <summary>Go's <c>int</c> (64 bits): <c>strconv.ParseInt(s, 0, 64)</c>.</summary>
    Int,
    /// <summary><c>int32</c>: <c>strconv.ParseInt(s, 0, 32)</c>.</summary>
    Int32,
    /// <summary><c>time.Duration</c>: <c>time.ParseDuration</c>.</summary>
    Duration,
}

/// <summary>
/// One flag as pflag defines it: a long name, an optional one-letter shorthand, a type and a default.
/// <see cref="NoOptDefault"/> is the value a flag takes when written without one (<c>true</c> for bools,
/// <c>unchanged</c> for <c>--dry-run</c>).
/// </summary>
public sealed record FlagDefinition(string Name, char? Shorthand, FlagType Type, string Default)
{
    public string? NoOptDefault { get; init; } = Type == FlagType.Bool ? "true" : null;

    /// <summary>
    /// Why the emulator does not reproduce what this flag does (a terminal, an editor, kustomize), or null. Setting it is
    /// an error of the emulator's own, and lesson validation refuses it before anything runs.
    /// </summary>
    public string? NotSimulated { get; init; }

    /// <summary>As pflag names a flag in errors: <c>-n, --namespace</c> or <c>--raw</c>.</summary>
    public string DisplayName => Shorthand is { } c ? $"-{c}, --{Name}" : $"--{Name}";
}
