using System.Text;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// <c>kubectl get -w</c>'s output, one chunk per moment (kubectl's <c>GetOptions.watch</c>): the
/// initial table, then one row per event without a header, in one tab writer whose column widths
/// never shrink. With <c>--output-watch-events</c> an EVENT column comes first. A watch ERROR
/// event prints as a STATUS REASON MESSAGE table.
/// </summary>
public sealed class WatchPrinter(TablePrintOptions options, bool outputWatchEvents = false)
{
    private readonly TablePrinter printer = new(options);
    private readonly StringBuilder buffer = new();
    private TabWriter? writer;
    private bool skipNext;

    private TabWriter Writer => writer ??= new TabWriter(buffer);

    /// <summary>The answer of the initial GET (a Table).</summary>
    /// <param name="singleObject">
    /// The command named one object (<c>get pod web -w</c>): kubectl then watches from resource
    /// version 0, and skips the first event, which repeats the object it just printed.
    /// </param>
    /// <param name="watchOnly"><c>--watch-only</c>: the current state is not printed.</param>
    public string PrintInitial(Table table, bool singleObject = false, bool watchOnly = false)
    {
        if (watchOnly) Skip(table);
        else printer.Print(table, Writer, outputWatchEvents ? "ADDED" : null);
        skipNext = singleObject;
        return Flush();
    }

    /// <summary>An ADDED, MODIFIED or DELETED event whose object is a Table of one row.</summary>
    public string PrintEvent(string type, Table table)
    {
        if (skipNext) Skip(table);
        else printer.Print(table, Writer, outputWatchEvents ? type : null);
        skipNext = false;
        return Flush();
    }

    /// <summary>An ERROR event, such as <c>410 Expired</c> for a too old resource version.</summary>
    public string PrintError(Status status)
    {
        if (!skipNext) printer.PrintStatus(status, Writer, outputWatchEvents ? "ERROR" : null);
        skipNext = false;
        return Flush();
    }

    // kubectl's skip printer hands on the table without its rows (so the header state still
    // advances), and drops an event wrapper altogether.
    private void Skip(Table table)
    {
        if (outputWatchEvents) return;
        printer.Print(new Table { Metadata = table.Metadata, ColumnDefinitions = table.ColumnDefinitions, Rows = [] }, Writer);
    }

    private string Flush()
    {
        Writer.Flush();
        var text = buffer.ToString();
        buffer.Clear();
        return text;
    }
}
