using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PodBuilder;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class PodTableConvertorTests
{
    private static readonly PodTableConvertor Printer = PodTableConvertor.Instance;

    [Test]
    public void Columns_match_the_server()
    {
        Assert.That(Columns(Printer), Is.EqualTo(new[]
        {
            "Name:string:0/name", "Ready:string:0", "Status:string:0", "Restarts:string:0", "Age:string:0",
            "IP:string:1", "Node:string:1", "Nominated Node:string:1", "Readiness Gates:string:1",
        }));
        Assert.That(Printer.Columns[3].Description, Does.StartWith("The number of times the containers in this pod have been restarted and when"));
    }

    [Test]
    public void Running_pod_prints_every_cell_with_none_placeholders()
    {
        var pod = Pod("Running", Running());
        pod.Status.PodIp = "10.244.0.5";
        pod.Spec.NodeName = "node-1";

        Assert.That(Row(Printer, pod), Is.EqualTo("""["web","1/1","Running","0","5m","10.244.0.5","node-1","<none>","<none>"]"""));
        Assert.That(Printer.Conditions(pod), Is.Null);
    }

    [Test]
    public void Unscheduled_pod_has_none_for_ip_and_node()
    {
        var pod = Pod("Pending");
        pod.Spec.Containers = [new Container { Name = "app" }];

        Assert.That(Row(Printer, pod), Is.EqualTo("""["web","0/1","Pending","0","5m","<none>","<none>","<none>","<none>"]"""));
    }

    [Test]
    public void Pod_ip_prefers_podIP_over_a_disagreeing_podIPs()
    {
        var pod = Pod("Running", Running());
        pod.Status.PodIps = [new PodIP { Ip = "fd00::1" }];
        Assert.That(Printer.Cells(pod, Now)[5]!.ToString(), Is.EqualTo("fd00::1"));

        pod.Status.PodIp = "10.0.0.9";
        Assert.That(Printer.Cells(pod, Now)[5]!.ToString(), Is.EqualTo("10.0.0.9"));
    }

    [Test]
    public void Readiness_gates_count_true_conditions()
    {
        var pod = Pod("Running", Running()).WithCondition("example.com/lb", "True").WithCondition("example.com/dns", "False");
        pod.Spec.ReadinessGates = [new() { ["conditionType"] = "example.com/lb" }, new() { ["conditionType"] = "example.com/dns" }];
        pod.Status.NominatedNodeName = "node-2";

        var cells = Printer.Cells(pod, Now);
        Assert.That(cells[7]!.ToString(), Is.EqualTo("node-2"));
        Assert.That(cells[8]!.ToString(), Is.EqualTo("1/2"));
    }

    [TestCase("Succeeded", "Succeeded", "The pod has completed successfully.")]
    [TestCase("Failed", "Failed", "The pod failed.")]
    public void Finished_pods_carry_a_completed_row_condition(string phase, string reason, string message)
    {
        var conditions = Printer.Conditions(Pod(phase));

        Assert.That(conditions, Is.EqualTo(new[] { new KubeLab.ControlPlane.Api.Meta.TableRowCondition("Completed", "True", reason, message) }));
    }
}
