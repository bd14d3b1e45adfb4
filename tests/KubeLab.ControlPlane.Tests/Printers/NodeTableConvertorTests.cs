using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class NodeTableConvertorTests
{
    private static readonly NodeTableConvertor Printer = NodeTableConvertor.Instance;

    private static Node Node(string? ready) => new()
    {
        Metadata = Meta("node-1", TimeSpan.FromDays(10), ns: null),
        Status = new NodeStatus
        {
            Conditions = ready is null ? [] : [new NodeCondition { Type = "MemoryPressure", Status = "False" }, new NodeCondition { Type = "Ready", Status = ready }],
            NodeInfo = new NodeSystemInfo { KubeletVersion = "v1.33.1" },
        },
    };

    [Test]
    public void Columns_match_the_server() =>
        Assert.That(Columns(Printer), Is.EqualTo(new[]
        {
            "Name:string:0/name", "Status:string:0", "Roles:string:0", "Age:string:0", "Version:string:0",
            "Internal-IP:string:1", "External-IP:string:1", "OS-Image:string:1", "Kernel-Version:string:1", "Container-Runtime:string:1",
        }));

    [Test]
    public void Ready_control_plane_node_with_wide_cells()
    {
        var node = Node("True");
        node.Metadata.Labels = new() { ["node-role.kubernetes.io/control-plane"] = "", ["kubernetes.io/role"] = "master", ["node-role.kubernetes.io/"] = "" };
        node.Status.Addresses = [new NodeAddress { Type = "Hostname", Address = "node-1" }, new NodeAddress { Type = "InternalIP", Address = "172.18.0.2" }];
        node.Status.NodeInfo.OsImage = "Debian GNU/Linux 12 (bookworm)";
        node.Status.NodeInfo.KernelVersion = "6.8.0";
        node.Status.NodeInfo.ContainerRuntimeVersion = "containerd://2.1.1";

        Assert.That(Row(Printer, node), Is.EqualTo(
            """["node-1","Ready","control-plane,master","10d","v1.33.1","172.18.0.2","<none>","Debian GNU/Linux 12 (bookworm)","6.8.0","containerd://2.1.1"]"""));
    }

    [TestCase("False", false, "NotReady")]
    [TestCase("Unknown", false, "NotReady")]
    [TestCase(null, false, "Unknown")]
    [TestCase("True", true, "Ready,SchedulingDisabled")]
    [TestCase(null, true, "Unknown,SchedulingDisabled")]
    public void Status_comes_from_the_ready_condition_and_cordon(string? ready, bool cordoned, string expected)
    {
        var node = Node(ready);
        node.Spec.Unschedulable = cordoned;

        Assert.That(Printer.Cells(node, Now)[1]!.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Missing_roles_and_node_info_print_placeholders() =>
        Assert.That(Row(Printer, Node("True")), Is.EqualTo("""["node-1","Ready","<none>","10d","v1.33.1","<none>","<none>","<unknown>","<unknown>","<unknown>"]"""));
}
