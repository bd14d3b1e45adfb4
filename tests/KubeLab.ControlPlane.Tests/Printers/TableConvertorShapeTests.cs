using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;

namespace KubeLab.ControlPlane.Tests.Printers;

/// <summary>What holds for every printer: one cell per column, never a JSON null, descriptions present.</summary>
public class TableConvertorShapeTests
{
    private static IEnumerable<TestCaseData> Printers()
    {
        yield return Case(PodTableConvertor.Instance, new Pod());
        yield return Case(NamespaceTableConvertor.Instance, new Namespace());
        yield return Case(DeploymentTableConvertor.Instance, new Deployment());
        yield return Case(ReplicaSetTableConvertor.Instance, new ReplicaSet());
        yield return Case(ServiceTableConvertor.Instance, new Service());
        yield return Case(ConfigMapTableConvertor.Instance, new ConfigMap());
        yield return Case(SecretTableConvertor.Instance, new Secret());
        yield return Case(EventTableConvertor.Instance, new Event());
        yield return Case(NodeTableConvertor.Instance, new Node());
        yield return Case(ServiceAccountTableConvertor.Instance, new ServiceAccount());
        yield return Case(EndpointsTableConvertor.Instance, new Endpoints());
    }

    private static TestCaseData Case(ITableConvertor printer, KubeObject empty) =>
        new TestCaseData(printer, empty).SetArgDisplayNames(printer.GetType().Name);

    [TestCaseSource(nameof(Printers))]
    public void Empty_object_gives_one_non_null_cell_per_column(ITableConvertor printer, KubeObject empty)
    {
        var cells = printer.Cells(empty, PrinterTesting.Now);

        Assert.That(cells, Has.Count.EqualTo(printer.Columns.Count));
        Assert.That(cells, Has.None.Null);
    }

    [TestCaseSource(nameof(Printers))]
    public void Every_column_has_a_description_and_one_name_column(ITableConvertor printer, KubeObject empty)
    {
        Assert.That(printer.Columns.Select(c => c.Description), Has.All.Not.Empty);
        Assert.That(printer.Columns.Count(c => c.Format == "name"), Is.EqualTo(1));
    }
}
