using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>A server Table copied so kubectl's client-side columns can be added to it.</summary>
internal sealed record PrintableTable(List<TableColumnDefinition> Columns, List<PrintableRow> Rows);

internal sealed record PrintableRow(List<JsonNode?> Cells, ObjectMeta? Metadata);

/// <summary>
/// The columns kubectl adds to a server table on the client (cli-runtime's <c>decorateTable</c>
/// and <c>addColumns</c>): NAMESPACE first, <c>-L</c> label columns and LABELS last, the kind
/// prefix on the name column, and for <c>--output-watch-events</c> an EVENT column first.
/// </summary>
internal static class TableDecorator
{
    public static PrintableTable Decorate(IReadOnlyList<TableColumnDefinition> columns, IEnumerable<TableRow> rows, TablePrintOptions options)
    {
        var labelHeaders = options.ColumnLabels.Select(LabelHeader).ToList();
        var width = columns.Count + labelHeaders.Count + (options.WithNamespace ? 1 : 0) + (options.ShowLabels ? 1 : 0);
        var nameColumn = options.KindPrefix is null ? -1 : FindNameColumn(columns);

        var decorated = new List<TableColumnDefinition>(width);
        if (options.WithNamespace) decorated.Add(Column("Namespace"));
        decorated.AddRange(columns);
        decorated.AddRange(labelHeaders.Select(Column));
        if (options.ShowLabels) decorated.Add(Column("Labels"));

        var includeLabels = labelHeaders.Count > 0 || options.ShowLabels;
        var printable = new List<PrintableRow>();
        foreach (var row in rows)
        {
            var cells = row.Cells.ToList();
            var metadata = row.Object?.Metadata;
            if (nameColumn >= 0 && nameColumn < cells.Count)
                cells[nameColumn] = JsonValue.Create($"{options.KindPrefix}/{GoValue.Sprint(cells[nameColumn])}");
            if (!includeLabels && !options.WithNamespace && nameColumn < 0)
            {
                // Nothing to add: the row stays as the server sent it.
            }
            else if (metadata is null)
            {
                // No object to read from: blank cells. The loop bound moves as cells grow, as in Go.
                if (options.WithNamespace) cells.Insert(0, null);
                for (var j = 0; j < width - cells.Count; j++) cells.Add(null);
            }
            else
            {
                if (options.WithNamespace) cells.Insert(0, JsonValue.Create(metadata.Namespace ?? ""));
                if (includeLabels) cells.AddRange(LabelValues(metadata.Labels, options).Select(v => (JsonNode?)JsonValue.Create(v)));
            }
            printable.Add(new PrintableRow(cells, metadata));
        }
        return new PrintableTable(decorated, printable);
    }

    /// <summary>Prepends the EVENT column; the event names are padded to eight, as kubectl pads them.</summary>
    public static void AddEventColumn(PrintableTable table, string eventType)
    {
        table.Columns.Insert(0, Column("Event"));
        foreach (var row in table.Rows) row.Cells.Insert(0, JsonValue.Create(FormatEventType(eventType)));
    }

    public static string FormatEventType(string eventType) => eventType switch
    {
        "ADDED" => "ADDED   ",
        "MODIFIED" => "MODIFIED",
        "DELETED" => "DELETED ",
        "ERROR" => "ERROR   ",
        _ => eventType,
    };

    /// <summary><c>-L app.kubernetes.io/name</c> is headed NAME: the last path segment, upper-cased.</summary>
    public static string LabelHeader(string key) => key.Split('/')[^1].ToUpperInvariant();

    public static IEnumerable<string> LabelValues(IReadOnlyDictionary<string, string>? labels, TablePrintOptions options)
    {
        foreach (var key in options.ColumnLabels)
            yield return labels is not null && labels.TryGetValue(key, out var value) ? value : "";
        if (options.ShowLabels) yield return FormatLabels(labels);
    }

    /// <summary>
    /// apimachinery's <c>labels.FormatLabels</c>: the <c>k=v</c> strings sorted as whole strings (so
    /// <c>app.kubernetes.io/name=x</c> sorts before <c>app=y</c>), comma-joined; none is <c>&lt;none&gt;</c>.
    /// </summary>
    public static string FormatLabels(IReadOnlyDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0
            ? "<none>"
            : string.Join(",", labels.Select(l => $"{l.Key}={l.Value}").Order(GoJson.KeyOrder));

    private static int FindNameColumn(IReadOnlyList<TableColumnDefinition> columns)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Format == "name" && columns[i].Type == "string") return i;
        return -1;
    }

    private static TableColumnDefinition Column(string name) => new(name, "string", "", "", 0);
}
