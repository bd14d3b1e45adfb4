using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Parity.Tests.Infrastructure;

/// <summary>The flags of one `kubectl get` case, as the replay needs them (the arguments are given to kubectl as written).</summary>
public sealed record GetFlags
{
    /// <summary>"", "wide", "json", "yaml", "name", "jsonpath=…", "jsonpath-as-json=…".</summary>
    public string Output { get; init; } = "";

    public bool AllNamespaces { get; init; }

    public string Namespace { get; init; } = "default";

    public bool NoHeaders { get; init; }

    public bool ShowLabels { get; init; }

    public string[] LabelColumns { get; init; } = [];

    public bool ShowManagedFields { get; init; }

    public bool IsTable => Output is "" or "wide";

    public TablePrintOptions TableOptions => new()
    {
        Wide = Output == "wide",
        NoHeaders = NoHeaders,
        ShowLabels = ShowLabels,
        ColumnLabels = LabelColumns,
    };
}
