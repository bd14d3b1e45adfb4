using System.Text;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Printers;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

/// <summary>Namespaces, config maps, secrets and service accounts: a name, a count or phase, an age.</summary>
public class SimpleTableConvertorTests
{
    [Test]
    public void Namespace_prints_its_phase()
    {
        var ns = new Namespace { Metadata = Meta("rodrigo", TimeSpan.FromDays(3), ns: null), Status = new NamespaceStatus { Phase = "Terminating" } };

        Assert.That(Columns(NamespaceTableConvertor.Instance), Is.EqualTo(new[] { "Name:string:0/name", "Status:string:0", "Age:string:0" }));
        Assert.That(NamespaceTableConvertor.Instance.Columns[1].Description, Is.EqualTo("The status of the namespace"));
        Assert.That(Row(NamespaceTableConvertor.Instance, ns), Is.EqualTo("""["rodrigo","Terminating","3d"]"""));
    }

    [Test]
    public void Config_map_counts_data_and_binary_data_as_an_integer()
    {
        var configMap = new ConfigMap
        {
            Metadata = Meta("settings", TimeSpan.FromSeconds(30)),
            Data = new() { ["a"] = "1", ["b"] = "2" },
            BinaryData = new() { ["c"] = [1] },
        };

        Assert.That(Columns(ConfigMapTableConvertor.Instance), Is.EqualTo(new[] { "Name:string:0/name", "Data:string:0", "Age:string:0" }));
        Assert.That(Row(ConfigMapTableConvertor.Instance, configMap), Is.EqualTo("""["settings",3,"30s"]"""));
        Assert.That(Row(ConfigMapTableConvertor.Instance, new ConfigMap { Metadata = Meta("empty", TimeSpan.Zero) }), Is.EqualTo("""["empty",0,"0s"]"""));
    }

    [Test]
    public void Secret_prints_type_and_key_count()
    {
        var secret = new Secret
        {
            Metadata = Meta("db", TimeSpan.FromHours(5)),
            Type = "Opaque",
            Data = new() { ["user"] = Encoding.UTF8.GetBytes("u"), ["password"] = Encoding.UTF8.GetBytes("p") },
            StringData = new() { ["password"] = "q", ["host"] = "h" },
        };

        Assert.That(Columns(SecretTableConvertor.Instance), Is.EqualTo(new[] { "Name:string:0/name", "Type:string:0", "Data:string:0", "Age:string:0" }));
        Assert.That(Row(SecretTableConvertor.Instance, secret), Is.EqualTo("""["db","Opaque",3,"5h"]"""));
    }

    [Test]
    public void Service_account_counts_secrets()
    {
        var account = new ServiceAccount { Metadata = Meta("default", TimeSpan.FromMinutes(42)), Secrets = [new ObjectReference { Name = "token" }] };

        Assert.That(Columns(ServiceAccountTableConvertor.Instance), Is.EqualTo(new[] { "Name:string:0/name", "Secrets:string:0", "Age:string:0" }));
        Assert.That(Row(ServiceAccountTableConvertor.Instance, account), Is.EqualTo("""["default",1,"42m"]"""));
    }

    [Test]
    public void Missing_creation_time_is_unknown_and_sub_second_creation_is_cut()
    {
        var ns = new Namespace { Metadata = new() { Name = "x" } };
        Assert.That(Row(NamespaceTableConvertor.Instance, ns), Is.EqualTo("""["x","","<unknown>"]"""));

        ns.Metadata.CreationTimestamp = Now - TimeSpan.FromMilliseconds(119_500);
        Assert.That(Row(NamespaceTableConvertor.Instance, ns), Is.EqualTo("""["x","","2m"]"""));
    }
}
