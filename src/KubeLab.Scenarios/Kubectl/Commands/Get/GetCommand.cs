using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Get;

/// <summary><c>kubectl get</c>: tables from the server, the generic printers, <c>--raw</c> and <c>--watch</c>.</summary>
internal sealed class GetCommand : CommandDefinition
{
    public const string NoResourceError =
        "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n" +
        "error: Required resource not specified.\n" +
        "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n" +
        "See 'kubectl get -h' for help and examples\n";

    public override string Name => "get";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        flags.Bool("all-namespaces", 'A').Int("chunk-size", value: 500).String("field-selector").Slice("filename", 'f')
            .Bool("ignore-not-found").String("kustomize", 'k').Slice("label-columns", 'L').Bool("no-headers")
            .Bool("output-watch-events").String("raw").Bool("recursive", 'R').String("selector", 'l').Bool("server-print", value: true)
            .Bool("show-kind").Bool("show-labels").String("sort-by").String("subresource").Bool("watch", 'w').Bool("watch-only");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (flags.String("raw") is { Length: > 0 } raw)
        {
            if (flags.Bool("watch") || flags.Bool("watch-only") || flags.String("selector").Length > 0)
                throw KubectlException.Client("--raw may not be specified with other flags that filter the server request or alter the output");
            if (flags.String("output").Length > 0) throw KubectlException.Client("--raw and --output are mutually exclusive");
            RawHttp.Validate(raw);
            return await RawHttp.SendAsync(invocation, HttpMethod.Get, raw, file: null);
        }
        // kubectl makes the printer once it has fetched: a bad -o is reported after the requests.
        var format = OutputFormat.Deferred(flags, humanReadable: true);
        if (invocation.Args.Count == 0 && flags.Strings("filename").Count == 0) throw KubectlException.Raw(NoResourceError);
        var options = GetOptions.From(invocation, format);
        if (flags.Bool("watch") || flags.Bool("watch-only")) return await new GetWatch(invocation, options).RunAsync();
        return await new GetList(invocation, options).RunAsync();
    }
}
