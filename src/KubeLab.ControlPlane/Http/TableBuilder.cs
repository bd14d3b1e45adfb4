using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Http;

/// <summary>Builds meta.k8s.io/v1 Tables from stored objects with the kind's printer.</summary>
public static class TableBuilder
{
    public static Table Build(ResourceDescriptor resource, IEnumerable<StoredObject> items, DateTimeOffset now, bool includeColumns = true)
    {
        var table = new Table
        {
            ColumnDefinitions = includeColumns ? resource.Table.Columns.ToList() : null,
        };
        foreach (var item in items)
            table.Rows.Add(new TableRow
            {
                Cells = resource.Table.Cells(item.Object, now),
                Conditions = resource.Table.Conditions(item.Object),
                Object = new PartialObjectMetadata { Metadata = item.Object.Metadata },
            });
        return table;
    }
}
