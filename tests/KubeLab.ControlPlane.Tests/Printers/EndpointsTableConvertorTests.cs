using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class EndpointsTableConvertorTests
{
    private static EndpointSubset Subset(int[] ports, params string[] ips) => new()
    {
        Addresses = ips.Select(ip => new EndpointAddress { Ip = ip }).ToList(),
        Ports = ports.Select(p => new EndpointPort { Port = p }).ToList(),
    };

    [Test]
    public void Columns_match_the_server() =>
        Assert.That(Columns(EndpointsTableConvertor.Instance), Is.EqualTo(new[] { "Name:string:0/name", "Endpoints:string:0", "Age:string:0" }));

    [Test]
    public void Row_lists_ready_addresses_with_ports()
    {
        var endpoints = new Endpoints { Metadata = Meta("web", TimeSpan.FromMinutes(5)), Subsets = [Subset([80], "10.0.0.1", "10.0.0.2")] };
        endpoints.Subsets[0].NotReadyAddresses = [new EndpointAddress { Ip = "10.0.0.3" }];

        Assert.That(Row(EndpointsTableConvertor.Instance, endpoints), Is.EqualTo("""["web","10.0.0.1:80,10.0.0.2:80","5m"]"""));
    }

    [Test]
    public void More_than_three_are_counted()
    {
        Assert.That(EndpointsTableConvertor.Format([Subset([80, 443], "10.0.0.1", "10.0.0.2"), Subset([8080], "10.0.1.1")]),
            Is.EqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more..."));
        Assert.That(EndpointsTableConvertor.Format([Subset([80], "10.0.0.1", "10.0.0.2", "10.0.0.3")]),
            Is.EqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80"));
    }

    [Test]
    public void Port_less_ipv6_and_empty_cases()
    {
        Assert.That(EndpointsTableConvertor.Format([Subset([], "10.0.0.1")]), Is.EqualTo("10.0.0.1"));
        Assert.That(EndpointsTableConvertor.Format([Subset([80], "fd00::1")]), Is.EqualTo("[fd00::1]:80"));
        Assert.That(EndpointsTableConvertor.Format(null), Is.EqualTo("<none>"));
        Assert.That(EndpointsTableConvertor.Format([new EndpointSubset()]), Is.EqualTo(""));
    }
}
