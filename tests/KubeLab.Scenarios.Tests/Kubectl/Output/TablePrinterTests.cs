using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

public class TablePrinterTests
{
    private static readonly List<TableColumnDefinition> PodColumns =
    [
        new("Name", "string", "name", "", 0),
        new("Status", "string", "", "", 0),
        new("IP", "string", "", "", 1),
    ];

    private static Table Pods(params (string Name, string Status, string Ns)[] rows) => new()
    {
        ColumnDefinitions = PodColumns,
        Rows = rows.Select(r => new TableRow
        {
            Cells = [JsonValue.Create(r.Name), JsonValue.Create(r.Status), JsonValue.Create("10.0.0.1")],
            Object = new PartialObjectMetadata { Metadata = new ObjectMeta { Name = r.Name, Namespace = r.Ns, Labels = new() { ["app"] = "web" } } },
        }).ToList(),
    };

    private static readonly ResourceKind PodKind = new("", "Pod", "pods", true);

    [Test]
    public void MultiLineCellsAreCutAndEscapesShown()
    {
        var table = Pods(("web", "line one\nline two", "default"));
        table.Rows[0].Cells[0] = JsonValue.Create("a\u001bb");
        var output = GetTablePrinter.Print([new TableResult(PodKind, table)], new GetTableRequest());
        Assert.That(output.Stdout, Is.EqualTo("NAME   STATUS\na^[b   line one...\n"));
    }

    [Test]
    public void SeveralKindsArePrefixedAndSeparated()
    {
        var deployments = new Table
        {
            ColumnDefinitions = [new("Name", "string", "name", "", 0), new("Ready", "string", "", "", 0)],
            Rows = [new TableRow { Cells = [JsonValue.Create("web"), JsonValue.Create("1/1")], Object = new PartialObjectMetadata() }],
        };
        var empty = new Table { ColumnDefinitions = PodColumns, Rows = [] };
        var output = GetTablePrinter.Print(
            [new(PodKind, Pods(("web-1", "Running", "default"))), new(PodKind with { Resource = "services", Kind = "Service" }, empty),
             new(new ResourceKind("apps", "Deployment", "deployments", true), deployments)],
            new GetTableRequest());
        Assert.That(output.Stdout, Is.EqualTo(
            "NAME        STATUS\npod/web-1   Running\n\nNAME                  READY\ndeployment.apps/web   1/1\n"));
    }

    [Test]
    public void NothingPrintedSaysSoOnStderr()
    {
        var empty = new Table { ColumnDefinitions = PodColumns, Rows = [] };
        Assert.That(GetTablePrinter.Print([new(PodKind, empty)], new GetTableRequest { Namespace = "team-a" }),
            Is.EqualTo(KubectlOutput.Success("", "No resources found in team-a namespace.\n")));
        Assert.That(GetTablePrinter.Print([new(PodKind, empty)], new GetTableRequest { AllNamespaces = true }),
            Is.EqualTo(KubectlOutput.Success("", "No resources found\n")));
    }

    [Test]
    public void WatchPrintsTheHeaderOnceAndKeepsWidths()
    {
        var watch = new WatchPrinter(new TablePrintOptions());
        Assert.That(watch.PrintInitial(Pods(("a-long-pod-name", "Running", "default"))),
            Is.EqualTo("NAME              STATUS\na-long-pod-name   Running\n"));
        var eventTable = Pods(("web", "Pending", "default"));
        eventTable.ColumnDefinitions = null;
        Assert.That(watch.PrintEvent("ADDED", eventTable), Is.EqualTo("web               Pending\n"));
        Assert.That(watch.PrintError(new Status { Outcome = "Failure", Reason = "Expired", Message = "too old resource version: 1 (2000)" }),
            Is.EqualTo("STATUS            REASON    MESSAGE\nFailure           Expired   too old resource version: 1 (2000)\n"));
    }

    [Test]
    public void WatchEventsGetAnEventColumn()
    {
        var watch = new WatchPrinter(new TablePrintOptions { WithNamespace = true }, outputWatchEvents: true);
        Assert.That(watch.PrintInitial(Pods(("web", "Running", "team-a"))),
            Is.EqualTo("EVENT      NAMESPACE   NAME   STATUS\nADDED      team-a      web    Running\n"));
        Assert.That(watch.PrintEvent("DELETED", Pods(("web", "Running", "team-a"))),
            Is.EqualTo("DELETED    team-a      web    Running\n"));
    }

    [Test]
    public void WatchOfOneObjectSkipsTheEventThatRepeatsIt()
    {
        var watch = new WatchPrinter(new TablePrintOptions());
        watch.PrintInitial(Pods(("web", "Pending", "default")), singleObject: true);
        Assert.That(watch.PrintEvent("ADDED", Pods(("web", "Pending", "default"))), Is.Empty);
        Assert.That(watch.PrintEvent("MODIFIED", Pods(("web", "Running", "default"))), Is.EqualTo("web    Running\n"));
    }
}
