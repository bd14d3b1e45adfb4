using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Output.JsonPath;

namespace KubeLab.Scenarios.Kubectl.Printing;

/// <summary>
/// <c>-o</c> as cli-runtime's PrintFlags read it: json, yaml, name, jsonpath=…, jsonpath-as-json=…,
/// custom-columns=…, and for get also wide and the default table. The printers are the Output library's.
/// </summary>
internal sealed record OutputFormat(string Name, string Argument)
{
    /// <summary>Set when the format is not one kubectl knows: raised when the printer is needed.</summary>
    public KubectlException? Error { get; init; }

    private static readonly string[] Allowed =
    [
        "custom-columns", "custom-columns-file", "go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json",
        "jsonpath-file", "name", "template", "templatefile", "wide", "yaml",
    ];

    public bool IsDefault => Name.Length == 0;
    public bool IsHumanReadable => Name is "" or "wide";

    /// <summary>The print flags every command with <c>-o</c> has.</summary>
    public static void AddFlags(FlagSet flags, string defaultOutput = "")
    {
        flags.String("output", 'o', defaultOutput).String("template").Bool("allow-missing-template-keys", value: true)
            .Bool("show-managed-fields");
    }

    /// <summary>As <see cref="Parse"/>, keeping an error for when the printer is made (get fetches first).</summary>
    public static OutputFormat Deferred(FlagValues flags, bool humanReadable = false)
    {
        try
        {
            return Parse(flags, humanReadable);
        }
        catch (KubectlException e)
        {
            return new OutputFormat(flags.String("output"), "") { Error = e };
        }
    }

    /// <param name="humanReadable">The command prints tables (get): <c>wide</c> and the default are formats too.</param>
    public static OutputFormat Parse(FlagValues flags, bool humanReadable = false)
    {
        var value = flags.String("output");
        var eq = value.IndexOf('=');
        var (name, argument) = eq < 0 ? (value, "") : (value[..eq], value[(eq + 1)..]);
        if (name.Length == 0 && flags.String("template").Length > 0) (name, argument) = ("go-template", flags.String("template"));
        if (name.Length == 0 || name is "json" or "yaml" or "name") return new OutputFormat(name, argument);
        if (name == "wide" && humanReadable) return new OutputFormat(name, argument);
        if (name is "jsonpath" or "jsonpath-as-json" or "custom-columns")
        {
            if (argument.Length == 0 && flags.String("template").Length > 0) argument = flags.String("template");
            if (argument.Length == 0)
                throw KubectlException.Client(name == "custom-columns"
                    ? "custom-columns format specified but no custom columns given"
                    : "template format specified but no template given");
            return new OutputFormat(name, argument);
        }
        var allowed = humanReadable ? Allowed : Allowed.Where(a => a != "wide");
        throw KubectlException.Client($"unable to match a printer suitable for the output format {GoValue.Quote(value)}, allowed formats are: {string.Join(',', allowed)}");
    }

    /// <summary>Prints a document (an object or a List) in this format.</summary>
    public string Print(JsonObject document, FlagValues flags)
    {
        if (Error is not null) throw Error;
        var managed = flags.Bool("show-managed-fields");
        try
        {
            return Name switch
            {
                "json" => GenericPrinter.Json(document, managed),
                "yaml" => GenericPrinter.Yaml(document, managed),
                "name" => GenericPrinter.Name(document),
                "jsonpath" => JsonPathTemplate.Parse(Argument).Execute(document, allowMissingKeys: flags.Bool("allow-missing-template-keys")),
                "jsonpath-as-json" => JsonPathTemplate.Parse(Argument).Execute(document, asJson: true, allowMissingKeys: flags.Bool("allow-missing-template-keys")),
                "custom-columns" => CustomColumnsPrinter.Print(document, Argument, flags.Defines("no-headers") && flags.Bool("no-headers")),
                _ => throw KubectlException.Client($"output format {GoValue.Quote(Name)} is not simulated"),
            };
        }
        catch (JsonPathException e)
        {
            throw KubectlException.Client(e.Message);
        }
    }
}
