namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>The flags that shape a human-readable table (cli-runtime's <c>PrintOptions</c>).</summary>
public sealed record TablePrintOptions
{
    /// <summary><c>-o wide</c>: also the columns of priority above 0.</summary>
    public bool Wide { get; init; }

    /// <summary><c>--no-headers</c>.</summary>
    public bool NoHeaders { get; init; }

    /// <summary><c>-A</c> on a namespaced kind: a NAMESPACE column first, filled from each row's object metadata.</summary>
    public bool WithNamespace { get; init; }

    /// <summary><c>--show-labels</c>: a LABELS column last.</summary>
    public bool ShowLabels { get; init; }

    /// <summary><c>-L key</c> (repeatable, comma-separated): one column per label key.</summary>
    public IReadOnlyList<string> ColumnLabels { get; init; } = [];

    /// <summary>
    /// Set when one command prints several kinds (<c>get all</c>, <c>get cm,secret</c>): names become
    /// <c>pod/web</c>, <c>deployment.apps/web</c>. See <see cref="ResourceKind.NamePrefix"/>.
    /// </summary>
    public string? KindPrefix { get; init; }
}

/// <summary>What kubectl knows of a resource from discovery, as far as printing needs it.</summary>
public sealed record ResourceKind(string Group, string Kind, string Resource, bool Namespaced)
{
    /// <summary>Lower-cased <c>Kind.group</c> (just <c>kind</c> for the core group): <c>pod</c>, <c>deployment.apps</c>.</summary>
    public string NamePrefix => (Group.Length == 0 ? Kind : $"{Kind}.{Group}").ToLowerInvariant();

    /// <summary>The plural with its group, as error messages name it: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
