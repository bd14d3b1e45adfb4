using System.Text;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>One server answer of a <c>get</c>: the Table for a resource type, or for one named object.</summary>
public sealed record TableResult(ResourceKind Kind, Table Table);

/// <summary>The flags of a human-readable <c>kubectl get</c> (no <c>-o</c>, or <c>-o wide</c>).</summary>
public sealed record GetTableRequest
{
    /// <summary>Wide, no-headers and label flags; namespace and kind columns are decided here.</summary>
    public TablePrintOptions Options { get; init; } = new();

    public bool AllNamespaces { get; init; }

    /// <summary>The namespace the command ran in (from <c>-n</c> or the context), for "No resources found in X namespace.".</summary>
    public string Namespace { get; init; } = "default";

    public bool IgnoreNotFound { get; init; }
}

/// <summary>
/// kubectl get's table output (kubectl's <c>GetOptions.Run</c>): one block per resource type,
/// a blank line between blocks that printed something, <c>pod/name</c> names when several kinds
/// are printed, and "No resources found" on stderr when nothing was printed.
/// </summary>
public static class GetTablePrinter
{
    public static KubectlOutput Print(IReadOnlyList<TableResult> results, GetTableRequest request, IReadOnlyList<KubectlError>? errors = null)
    {
        errors ??= [];
        var stdout = new StringBuilder();
        var buffer = new StringBuilder();
        var writer = new TabWriter(buffer);
        var separatorPending = false;

        // Text reaches stdout only when the tab writer flushes; the separator goes before the first such text.
        void Drain()
        {
            if (buffer.Length == 0) return;
            if (separatorPending) stdout.Append('\n');
            separatorPending = false;
            stdout.Append(buffer);
            buffer.Clear();
        }

        var withKind = results.Select(r => (r.Kind.Group, r.Kind.Kind)).Distinct().Count() > 1 && results.Count > 1;
        var allNamespaced = !request.AllNamespaces;
        TablePrinter? printer = null;
        ResourceKind? last = null;
        foreach (var result in results)
        {
            allNamespaced &= result.Kind.Namespaced;
            if (printer is null || last is null || (last.Group, last.Resource) != (result.Kind.Group, result.Kind.Resource))
            {
                writer.Flush();
                Drain();
                writer.SetRememberedWidths(null);
                if (last is not null && !request.Options.NoHeaders && stdout.Length > 0) separatorPending = true;
                printer = new TablePrinter(request.Options with
                {
                    WithNamespace = request.AllNamespaces && result.Kind.Namespaced,
                    KindPrefix = withKind ? result.Kind.NamePrefix : null,
                });
                last = result.Kind;
            }
            printer.Print(result.Table, writer);
            Drain();
        }
        writer.Flush();
        Drain();

        var stderr = new StringBuilder();
        if (stdout.Length == 0 && !request.IgnoreNotFound && errors.Count == 0)
        {
            stderr.Append(allNamespaced
                ? $"No resources found in {request.Namespace} namespace.\n"
                : "No resources found\n");
        }
        if (errors.Count == 0) return KubectlOutput.Success(stdout.ToString(), stderr.ToString());
        return KubectlOutput.Failure(stderr + ErrorPrinter.Format(errors), stdout.ToString());
    }
}
