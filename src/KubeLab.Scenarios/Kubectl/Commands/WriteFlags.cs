using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Commands;

/// <summary>kubectl's dry-run modes (<c>--dry-run=none|client|server</c>).</summary>
internal enum DryRun
{
    None,
    Client,
    Server,
}

/// <summary>The flags of commands that write (<c>--dry-run</c>, <c>--field-manager</c>, <c>--validate</c>), read as cmdutil reads them.</summary>
internal static class WriteFlags
{
    public static void AddDryRun(FlagSet flags) => flags.String("dry-run", value: "none", noOptDefault: "unchanged");

    public static void AddValidate(FlagSet flags) => flags.String("validate", value: "strict", noOptDefault: "strict");

    public static void AddFieldManager(FlagSet flags, string manager) => flags.String("field-manager", value: manager);

    public static DryRun DryRunOf(FlagValues flags) => flags.String("dry-run") switch
    {
        "client" => DryRun.Client,
        "server" => DryRun.Server,
        "none" => DryRun.None,
        "unchanged" => throw KubectlException.Client("--dry-run flag without a value was specified. A value must be set: \"none\", \"server\", or \"client\"."),
        var other => throw KubectlException.Client($"Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."),
    };

    /// <summary>The fieldValidation query value for <c>--validate</c>.</summary>
    public static string ValidationOf(FlagValues flags) => flags.String("validate").ToLowerInvariant() switch
    {
        "strict" or "true" => "Strict",
        "warn" => "Warn",
        "ignore" or "false" => "Ignore",
        _ => throw KubectlException.Client($"invalid - validate option {GoValue.Quote(flags.String("validate"))}; must be one of: strict (or true), warn, ignore (or false)"),
    };

    /// <summary>The operation word of a success line, marked for dry runs: <c>created (server dry run)</c>.</summary>
    public static string Operation(string operation, DryRun dryRun) => dryRun switch
    {
        DryRun.Client => operation + " (dry run)",
        DryRun.Server => operation + " (server dry run)",
        _ => operation,
    };

    /// <summary>cobra's usage error: <c>error: MESSAGE</c> and where to read the help.</summary>
    public static KubectlException Usage(Invocation invocation, string message) =>
        KubectlException.Raw($"error: {message}\nSee '{invocation.CommandPath} -h' for help and examples\n");

    /// <summary>create's <c>NameFromCommandArgs</c>: exactly one name before any <c>--</c>.</summary>
    public static string SingleName(Invocation invocation)
    {
        var count = invocation.Flags.ArgsLenAtDash >= 0 ? invocation.Flags.ArgsLenAtDash : invocation.Args.Count;
        if (count != 1) throw Usage(invocation, $"exactly one NAME is required, got {count}");
        return invocation.Args[0];
    }
}
