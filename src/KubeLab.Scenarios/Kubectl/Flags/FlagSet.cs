namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>The flags a command accepts: its own and those it inherits, by long name and by shorthand.</summary>
public sealed class FlagSet
{
    private readonly Dictionary<string, FlagDefinition> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<char, FlagDefinition> byShorthand = [];

    public IEnumerable<FlagDefinition> All => byName.Values;

    public FlagSet Add(FlagDefinition flag)
    {
        byName[flag.Name] = flag;
        if (flag.Shorthand is { } c) byShorthand[c] = flag;
        return this;
    }

    public FlagSet Bool(string name, char? shorthand = null, bool value = false) =>
        Add(new FlagDefinition(name, shorthand, FlagType.Bool, value ? "true" : "false"));

    public FlagSet String(string name, char? shorthand = null, string value = "", string? noOptDefault = null) =>
        Add(new FlagDefinition(name, shorthand, FlagType.String, value) { NoOptDefault = noOptDefault });

    public FlagSet Slice(string name, char? shorthand = null) => Add(new FlagDefinition(name, shorthand, FlagType.StringSlice, ""));

    public FlagSet Array(string name, char? shorthand = null) => Add(new FlagDefinition(name, shorthand, FlagType.StringArray, ""));

    public FlagSet Int(string name, char? shorthand = null, long value = 0) =>
        Add(new FlagDefinition(name, shorthand, FlagType.Int, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public FlagSet Int32(string name, char? shorthand = null, int value = 0) =>
        Add(new FlagDefinition(name, shorthand, FlagType.Int32, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public FlagSet Duration(string name, string value = "0s") => Add(new FlagDefinition(name, null, FlagType.Duration, value));

    /// <summary>Marks a flag the command has as one whose effect is not simulated (see <see cref="FlagDefinition.NotSimulated"/>).</summary>
    public FlagSet NotSimulated(string name, string reason) => Add(byName[name] with { NotSimulated = reason });

    public FlagDefinition? Find(string name) => byName.GetValueOrDefault(name);

    public FlagDefinition? Find(char shorthand) => byShorthand.GetValueOrDefault(shorthand);
}
