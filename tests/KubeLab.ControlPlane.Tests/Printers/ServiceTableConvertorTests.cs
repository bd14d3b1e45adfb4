using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class ServiceTableConvertorTests
{
    private static readonly ServiceTableConvertor Printer = ServiceTableConvertor.Instance;

    private static Service Service(string type, params ServicePort[] ports) => new()
    {
        Metadata = Meta("web", TimeSpan.FromMinutes(5)),
        Spec = new ServiceSpec { Type = type, ClusterIp = "10.96.0.10", ClusterIps = ["10.96.0.10"], Ports = [.. ports] },
    };

    private static ServicePort Tcp(int port, int? nodePort = null) => new() { Port = port, Protocol = "TCP", NodePort = nodePort };

    [Test]
    public void Columns_match_the_server() =>
        Assert.That(Columns(Printer), Is.EqualTo(new[]
        {
            "Name:string:0/name", "Type:string:0", "Cluster-IP:string:0", "External-IP:string:0", "Port(s):string:0", "Age:string:0", "Selector:string:1",
        }));

    [Test]
    public void Cluster_ip_service()
    {
        var service = Service("ClusterIP", Tcp(80), new ServicePort { Port = 53, Protocol = "UDP" });
        service.Spec.Selector = new() { ["app"] = "web" };

        Assert.That(Row(Printer, service), Is.EqualTo("""["web","ClusterIP","10.96.0.10","<none>","80/TCP,53/UDP","5m","app=web"]"""));
    }

    [Test]
    public void Node_port_shows_both_ports_and_external_ips()
    {
        var service = Service("NodePort", Tcp(80, 30080));
        service.Spec.ExternalIps = ["1.2.3.4", "5.6.7.8"];

        Assert.That(Row(Printer, service), Is.EqualTo("""["web","NodePort","10.96.0.10","1.2.3.4,5.6.7.8","80:30080/TCP","5m","<none>"]"""));
    }

    [Test]
    public void Load_balancer_is_pending_until_it_has_ingress()
    {
        var service = Service("LoadBalancer", Tcp(443, 31443));
        Assert.That(Printer.Cells(service, Now)[3]!.ToString(), Is.EqualTo("<pending>"));

        service.Status.LoadBalancer.Ingress = [new() { Ip = "203.0.113.9" }, new() { Hostname = "lb.example.com" }, new() { Ip = "203.0.113.9" }];
        Assert.That(Printer.Cells(service, Now)[3]!.ToString(), Is.EqualTo("203.0.113.9,lb.example.com"));

        service.Spec.ExternalIps = ["1.2.3.4"];
        Assert.That(Printer.Cells(service, Now)[3]!.ToString(), Is.EqualTo("203.0.113.9,lb.example.com,1.2.3.4"));
    }

    [Test]
    public void External_name_and_headless_services()
    {
        var external = new Service { Metadata = Meta("db", TimeSpan.FromDays(1)), Spec = new ServiceSpec { Type = "ExternalName", ExternalName = "db.example.com" } };
        Assert.That(Row(Printer, external), Is.EqualTo("""["db","ExternalName","<none>","db.example.com","<none>","24h","<none>"]"""));

        var headless = Service("ClusterIP");
        headless.Spec.ClusterIp = "None";
        headless.Spec.ClusterIps = ["None"];
        Assert.That(Row(Printer, headless), Is.EqualTo("""["web","ClusterIP","None","<none>","<none>","5m","<none>"]"""));
    }
}
