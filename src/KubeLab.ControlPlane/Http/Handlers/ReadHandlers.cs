using System.Text;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Registry.Selection;
using KubeLab.ControlPlane.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>GET of one object or a list, as JSON or as the Table kubectl asks for.</summary>
public sealed class ReadHandlers(Cluster cluster)
{
    public Task Get(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var stored = target.Registry.Get(target.Namespace, target.Name!, api.RegistryContext(http));
        return WriteOne(http, target.Resource, stored);
    }

    public Task WriteOne(HttpContext http, ResourceDescriptor resource, StoredObject stored, int status = 200)
    {
        if (MediaTypes.WantsTable(http.Request.Headers.Accept))
            return ResponseWriter.WriteObject(http, status, TableBuilder.Build(resource, [stored], cluster.Services.Clock.GetUtcNow()));
        return ResponseWriter.WriteJson(http, status, stored.Json);
    }

    public Task List(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var result = target.Registry.List(target.Namespace, ParseListOptions(http.Request.Query), api.RegistryContext(http));
        var listMeta = new ListMeta
        {
            ResourceVersion = result.Revision.ToString(),
            Continue = result.Continue,
            RemainingItemCount = result.RemainingItemCount,
        };
        if (MediaTypes.WantsTable(http.Request.Headers.Accept))
        {
            var table = TableBuilder.Build(target.Resource, result.Items, cluster.Services.Clock.GetUtcNow());
            table.Metadata = listMeta;
            return ResponseWriter.WriteObject(http, 200, table);
        }
        return ResponseWriter.WriteJson(http, 200, ListJson(target.Resource, listMeta, result.Items));
    }

    public static ListOptions ParseListOptions(IQueryCollection query)
    {
        int? limit = int.TryParse(query["limit"], out var l) && l > 0 ? l : null;
        return new ListOptions(
            LabelSelectorQuery.Parse(query["labelSelector"]),
            FieldSelectorQuery.Parse(query["fieldSelector"]),
            limit,
            query["continue"].ToString() is { Length: > 0 } token ? token : null);
    }

    /// <summary>
    /// A <c>…List</c> composed from the stored bytes. Items carry no kind/apiVersion in a real list
    /// response, so each item's leading TypeMeta is cut off rather than re-serializing it.
    /// </summary>
    public static byte[] ListJson(ResourceDescriptor resource, ListMeta meta, IReadOnlyList<StoredObject> items)
    {
        var prefix = Encoding.UTF8.GetBytes($"{{\"kind\":\"{resource.Kind}\",\"apiVersion\":\"{resource.ApiVersion}\",");
        using var output = new MemoryStream();
        output.Write(Encoding.UTF8.GetBytes($"{{\"kind\":\"{resource.ListKind}\",\"apiVersion\":\"{resource.ApiVersion}\",\"metadata\":"));
        output.Write(Serialization.KubeJson.Serialize(meta));
        output.Write("""
            ,"items":[
            """u8);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) output.WriteByte((byte)',');
            var json = items[i].Json;
            if (json.AsSpan().StartsWith(prefix))
            {
                output.WriteByte((byte)'{');
                output.Write(json, prefix.Length, json.Length - prefix.Length);
            }
            else output.Write(json);
        }
        output.Write("]}"u8);
        return output.ToArray();
    }
}
