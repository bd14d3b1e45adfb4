using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class WorkloadTableConvertorTests
{
    private static PodTemplateSpec Template() => new()
    {
        Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx:1.27" }, new Container { Name = "log", Image = "busybox" }] },
    };

    private static LabelSelector Selector() => new() { MatchLabels = new() { ["tier"] = "front", ["app"] = "web" } };

    [Test]
    public void Deployment_columns_match_the_server() =>
        Assert.That(Columns(DeploymentTableConvertor.Instance), Is.EqualTo(new[]
        {
            "Name:string:0/name", "Ready:string:0", "Up-to-date:string:0", "Available:string:0", "Age:string:0",
            "Containers:string:1", "Images:string:1", "Selector:string:1",
        }));

    [Test]
    public void Deployment_row_has_ready_fraction_and_integer_counts()
    {
        var deployment = new Deployment
        {
            Metadata = Meta("web", TimeSpan.FromMinutes(5)),
            Spec = new DeploymentSpec { Replicas = 3, Selector = Selector(), Template = Template() },
            Status = new DeploymentStatus { ReadyReplicas = 2, UpdatedReplicas = 3, AvailableReplicas = 2 },
        };

        Assert.That(Row(DeploymentTableConvertor.Instance, deployment),
            Is.EqualTo("""["web","2/3",3,2,"5m","web,log","nginx:1.27,busybox","app=web,tier=front"]"""));
    }

    [Test]
    public void New_deployment_counts_zero_and_has_an_empty_selector_when_none()
    {
        var deployment = new Deployment { Metadata = Meta("web", TimeSpan.Zero), Spec = new DeploymentSpec { Replicas = 1 } };

        Assert.That(Row(DeploymentTableConvertor.Instance, deployment), Is.EqualTo("""["web","0/1",0,0,"0s","","",""]"""));
    }

    [Test]
    public void ReplicaSet_columns_are_integers()
    {
        Assert.That(Columns(ReplicaSetTableConvertor.Instance), Is.EqualTo(new[]
        {
            "Name:string:0/name", "Desired:integer:0", "Current:integer:0", "Ready:integer:0", "Age:string:0",
            "Containers:string:1", "Images:string:1", "Selector:string:1",
        }));
    }

    [Test]
    public void ReplicaSet_row_and_its_none_selector()
    {
        var replicaSet = new ReplicaSet
        {
            Metadata = Meta("web-7d4b9c", TimeSpan.FromHours(26)),
            Spec = new ReplicaSetSpec { Replicas = 3, Selector = Selector(), Template = Template() },
            Status = new ReplicaSetStatus { Replicas = 3, ReadyReplicas = 1 },
        };
        Assert.That(Row(ReplicaSetTableConvertor.Instance, replicaSet),
            Is.EqualTo("""["web-7d4b9c",3,3,1,"26h","web,log","nginx:1.27,busybox","app=web,tier=front"]"""));

        replicaSet.Spec.Selector = null;
        Assert.That(ReplicaSetTableConvertor.Instance.Cells(replicaSet, Now)[7]!.ToString(), Is.EqualTo("<none>"));
    }
}
