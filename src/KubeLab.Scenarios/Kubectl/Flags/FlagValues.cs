using System.Globalization;

namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>
/// The flags of one command line after parsing, each already checked against its type, plus the
/// positional arguments. Flags not given read as their defaults; <see cref="Changed"/> tells them apart.
/// </summary>
public sealed class FlagValues(FlagSet definitions)
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public FlagSet Definitions => definitions;

    /// <summary>The arguments that are not flags, in order.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>How many positional arguments came before <c>--</c>, or -1 without one (cobra's ArgsLenAtDash).</summary>
    public int ArgsLenAtDash { get; internal set; } = -1;

    public bool Changed(string name) => values.ContainsKey(name);

    /// <summary>The first flag given whose effect the emulator does not reproduce (a bool given as false does nothing).</summary>
    public FlagDefinition? Unsimulated() =>
        values.Keys.Select(definitions.Find).FirstOrDefault(f => f?.NotSimulated is not null && (f.Type != FlagType.Bool || Bool(f.Name)));

    /// <summary>Whether the command defines this flag at all.</summary>
    public bool Defines(string name) => definitions.Find(name) is not null;

    public string String(string name) => values.TryGetValue(name, out var list) ? list[^1] : Definition(name).Default;

    public bool Bool(string name) => GoParse.Bool(String(name));

    public long Int(string name) => GoParse.Int(String(name), 64);

    public TimeSpan Duration(string name) => GoParse.Duration(String(name));

    /// <summary>A slice or array flag: every value given, or none.</summary>
    public IReadOnlyList<string> Strings(string name) => values.TryGetValue(name, out var list) ? list : [];

    internal void Set(FlagDefinition flag, string value)
    {
        var parsed = Check(flag, value);
        if (!values.TryGetValue(flag.Name, out var list)) values[flag.Name] = list = [];
        if (flag.Type is FlagType.StringSlice) list.AddRange(parsed);
        else list.Add(value);
    }

    private static IReadOnlyList<string> Check(FlagDefinition flag, string value)
    {
        try
        {
            switch (flag.Type)
            {
                case FlagType.Bool: GoParse.Bool(value); break;
                case FlagType.Int: GoParse.Int(value, 64); break;
                case FlagType.Int32: GoParse.Int(value, 32); break;
                case FlagType.Duration: GoParse.Duration(value); break;
                case FlagType.StringSlice: return value.Length == 0 ? [] : GoParse.Csv(value);
            }
            return [value];
        }
        catch (FormatException e)
        {
            throw new FlagException($"invalid argument {GoParse.Quote(value)} for {GoParse.Quote(flag.DisplayName)} flag: {e.Message}");
        }
    }

    private FlagDefinition Definition(string name) =>
        definitions.Find(name) ?? throw new InvalidOperationException($"no flag --{name} is defined");

    public override string ToString() =>
        string.Join(' ', values.Select(v => $"--{v.Key}={string.Join(',', v.Value)}")) + " " + string.Join(' ', Positional.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
