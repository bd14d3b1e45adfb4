using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Get;

/// <summary>The parsed flags of one <c>kubectl get</c>.</summary>
internal sealed record GetOptions(OutputFormat Format, string Namespace, bool AllNamespaces, string LabelSelector, string FieldSelector, long ChunkSize)
{
    public bool IgnoreNotFound { get; init; }
    public bool ServerPrint { get; init; } = true;
    public TablePrintOptions Table { get; init; } = new();

    /// <summary>Tables come from the server for the human-readable formats (unless <c>--server-print=false</c>).</summary>
    public string Accept => Format.IsHumanReadable && ServerPrint ? KubeRequest.TableAccept : KubeRequest.JsonAccept;

    public static GetOptions From(Invocation invocation, OutputFormat format)
    {
        var flags = invocation.Flags;
        return new GetOptions(format, invocation.Namespace, flags.Bool("all-namespaces"), flags.String("selector"),
            flags.String("field-selector"), flags.String("sort-by").Length > 0 ? 0 : flags.Int("chunk-size"))
        {
            IgnoreNotFound = flags.Bool("ignore-not-found"),
            ServerPrint = flags.Bool("server-print"),
            Table = new TablePrintOptions
            {
                Wide = format.Name == "wide",
                NoHeaders = flags.Bool("no-headers"),
                ShowLabels = flags.Bool("show-labels"),
                ColumnLabels = flags.Strings("label-columns"),
            },
        };
    }

    /// <summary>The query of a list: selectors and the chunk size, sorted as Go encodes them.</summary>
    public GoQuery ListQuery(string? continueToken = null) => new GoQuery()
        .AddIf(continueToken is not null, "continue", continueToken ?? "")
        .AddIf(FieldSelector.Length > 0, "fieldSelector", FieldSelector)
        .AddIf(LabelSelector.Length > 0, "labelSelector", LabelSelector)
        .AddIf(ChunkSize > 0, "limit", ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
