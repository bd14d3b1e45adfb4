using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class EventTableConvertorTests
{
    private static readonly EventTableConvertor Printer = EventTableConvertor.Instance;

    private static Event Scheduled() => new()
    {
        Metadata = Meta("web.17f3a", TimeSpan.FromMinutes(10)),
        InvolvedObject = new ObjectReference { Kind = "Pod", Name = "web", FieldPath = "spec.containers{app}" },
        Reason = "Pulled",
        Message = "  Successfully pulled image \"nginx\"\n",
        Type = "Normal",
        Source = new EventSource { Component = "kubelet", Host = "node-1" },
        FirstTimestamp = Now - TimeSpan.FromMinutes(10),
        LastTimestamp = Now - TimeSpan.FromMinutes(3),
        Count = 4,
    };

    [Test]
    public void Columns_match_the_server() =>
        Assert.That(Columns(Printer), Is.EqualTo(new[]
        {
            "Last Seen:string:0", "Type:string:0", "Reason:string:0", "Object:string:0", "Subobject:string:1",
            "Source:string:1", "Message:string:0", "First Seen:string:1", "Count:string:1", "Name:string:1/name",
        }));

    [Test]
    public void Core_event_row()
    {
        Assert.That(Row(Printer, Scheduled()), Is.EqualTo(
            """["3m","Normal","Pulled","pod/web","spec.containers{app}","kubelet, node-1","Successfully pulled image \"nginx\"","10m",4,"web.17f3a"]"""));
    }

    [Test]
    public void Events_api_singleton_uses_event_time_and_reporting_fields()
    {
        var ev = new Event
        {
            Metadata = Meta("web.1", TimeSpan.FromSeconds(30)),
            InvolvedObject = new ObjectReference { Kind = "Deployment" },
            EventTime = Now - TimeSpan.FromSeconds(30),
            ReportingComponent = "deployment-controller",
        };

        Assert.That(Row(Printer, ev), Is.EqualTo("""["30s","","","deployment","","deployment-controller","","30s",1,"web.1"]"""));
    }

    [Test]
    public void Series_decides_last_seen_and_count()
    {
        var ev = Scheduled();
        ev.Series = new EventSeries { Count = 9, LastObservedTime = Now - TimeSpan.FromSeconds(5) };

        var cells = Printer.Cells(ev, Now);
        Assert.That(cells[0]!.ToString(), Is.EqualTo("5s"));
        Assert.That(cells[8]!.GetValue<long>(), Is.EqualTo(9));
    }

    [Test]
    public void Missing_times_are_unknown()
    {
        var cells = Printer.Cells(new Event { InvolvedObject = new ObjectReference { Kind = "Node", Name = "n1" } }, Now);

        Assert.That(new[] { cells[0]!.ToString(), cells[3]!.ToString(), cells[7]!.ToString() }, Is.EqualTo(new[] { "<unknown>", "node/n1", "<unknown>" }));
    }
}
