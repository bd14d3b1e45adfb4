using System.Text;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// kubectl's human-readable printer (cli-runtime's <c>HumanReadablePrinter</c>) for one resource
/// type. It is stateful as kubectl's is: once a header has been printed, later tables with the
/// same columns (the next object of <c>get pod a b</c>, each watch event) print rows only.
/// Text goes to a <see cref="TabWriter"/>, which the caller flushes.
/// </summary>
public sealed class TablePrinter(TablePrintOptions options)
{
    private static readonly string[] StatusHeaders = ["STATUS", "REASON", "MESSAGE"];

    private IReadOnlyList<TableColumnDefinition>? lastColumns;
    private bool printedHeaders;
    private bool printedStatus;

    public TablePrintOptions Options => options;

    /// <param name="eventType">With <c>--output-watch-events</c>: ADDED, MODIFIED, DELETED…</param>
    public void Print(Table table, TabWriter output, string? eventType = null)
    {
        var columns = (IReadOnlyList<TableColumnDefinition>?)table.ColumnDefinitions ?? [];
        var noHeaders = options.NoHeaders;
        // Watch events after the first carry no columns (or the same ones): no second header.
        if (printedHeaders && (columns.Count == 0 || SameColumns(columns, lastColumns))) noHeaders = true;
        if (columns.Count == 0)
        {
            columns = lastColumns ?? [];
        }
        else if (!SameColumns(columns, lastColumns))
        {
            lastColumns = columns;
            printedHeaders = false;
        }
        if (table.Rows.Count > 0) printedHeaders = true;

        var printable = TableDecorator.Decorate(columns, table.Rows, options);
        if (!string.IsNullOrEmpty(eventType)) TableDecorator.AddEventColumn(printable, eventType);
        Write(printable, output, noHeaders);
    }

    /// <summary>A Status that is not a table (a watch ERROR event) prints as STATUS REASON MESSAGE.</summary>
    public void PrintStatus(Status status, TabWriter output, string? eventType = null)
    {
        var line = new StringBuilder();
        if (!printedStatus && !options.NoHeaders)
        {
            var headers = new List<string>();
            if (!string.IsNullOrEmpty(eventType)) headers.Add("EVENT");
            if (options.WithNamespace) headers.Add("NAMESPACE");
            headers.AddRange(StatusHeaders);
            headers.AddRange(options.ColumnLabels.Select(TableDecorator.LabelHeader));
            if (options.ShowLabels) headers.Add("LABELS");
            line.Append(string.Join('\t', headers)).Append('\n');
        }
        printedStatus = true;
        if (!string.IsNullOrEmpty(eventType)) line.Append(TableDecorator.FormatEventType(eventType)).Append('\t');
        // A Status has no object metadata: the namespace cell stays empty.
        if (options.WithNamespace) line.Append('\t');
        var first = status.Outcome ?? "";
        if (options.KindPrefix is not null) first = $"{options.KindPrefix}/{first}";
        // These cells are written raw, without the escaping table cells get.
        line.Append(first).Append('\t').Append(status.Reason ?? "").Append('\t').Append(status.Message ?? "").Append('\n');
        output.Write(line.ToString());
    }

    private void Write(PrintableTable table, TabWriter output, bool noHeaders)
    {
        var text = new StringBuilder();
        if (!noHeaders)
        {
            // An empty table prints nothing at all, not even its header.
            if (table.Rows.Count == 0) return;
            text.Append(string.Join('\t', Visible(table.Columns).Select(c => c.Name.ToUpperInvariant()))).Append('\n');
        }
        foreach (var row in table.Rows)
        {
            var first = true;
            for (var i = 0; i < row.Cells.Count && i < table.Columns.Count; i++)
            {
                if (!options.Wide && table.Columns[i].Priority != 0) continue;
                if (!first) text.Append('\t');
                first = false;
                if (row.Cells[i] is { } cell) text.Append(CellText.Format(cell));
            }
            text.Append('\n');
        }
        output.Write(text.ToString());
    }

    private IEnumerable<TableColumnDefinition> Visible(IEnumerable<TableColumnDefinition> columns) =>
        columns.Where(c => options.Wide || c.Priority == 0);

    private static bool SameColumns(IReadOnlyList<TableColumnDefinition> a, IReadOnlyList<TableColumnDefinition>? b) =>
        b is not null && a.SequenceEqual(b);
}
