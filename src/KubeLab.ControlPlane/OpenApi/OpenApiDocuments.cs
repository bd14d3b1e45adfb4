using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Autoscaling;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.OpenApi;

/// <summary>
/// The <c>/openapi/v3</c> root and one document per group-version, generated once per catalog: paths with
/// their operations (kubectl looks for a PATCH with <c>fieldValidation</c>) and component schemas with
/// <c>x-kubernetes-group-version-kind</c> (what <c>kubectl explain</c> reads).
/// </summary>
public sealed class OpenApiDocuments
{
    private static readonly ConcurrentDictionary<ResourceCatalog, OpenApiDocuments> Cache = new();

    /// <summary>Subresources whose body is a kind of its own rather than the resource's.</summary>
    private static readonly Dictionary<string, Type> SubresourceTypes = new()
    {
        ["Scale"] = typeof(Scale),
        ["TokenRequest"] = typeof(Api.Authentication.TokenRequest),
        ["Binding"] = typeof(Api.Core.Binding),
    };
    private readonly Dictionary<string, byte[]> _documents = [];

    public static OpenApiDocuments For(ResourceCatalog catalog) => Cache.GetOrAdd(catalog, c => new OpenApiDocuments(c));

    public byte[] Root { get; }

    /// <summary>The document for <c>api/v1</c> or <c>apis/apps/v1</c>; null if there is none.</summary>
    public byte[]? Document(string groupVersionPath) => _documents.GetValueOrDefault(groupVersionPath);

    private OpenApiDocuments(ResourceCatalog catalog)
    {
        var paths = new JsonObject();
        foreach (var group in catalog.Resources.GroupBy(r => (r.Group, r.Version)))
        {
            var key = group.Key.Group.Length == 0 ? $"api/{group.Key.Version}" : $"apis/{group.Key.Group}/{group.Key.Version}";
            var document = KubeJson.Serialize(Build(group.ToList()));
            _documents[key] = document;
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Convert.ToHexString(SHA512.HashData(document))}" };
        }
        Root = KubeJson.Serialize(new JsonObject { ["paths"] = paths });
    }

    private static JsonObject Build(IReadOnlyList<ResourceDescriptor> resources)
    {
        var schemas = new SchemaGenerator();
        var paths = new JsonObject();
        foreach (var r in resources)
        {
            var gvk = Gvk(r.Group, r.Version, r.Kind);
            var schema = schemas.Reference(r.ObjectType, new JsonArray(gvk.DeepClone()));
            var collection = r.Group.Length == 0 ? $"/api/{r.Version}" : $"/apis/{r.Group}/{r.Version}";
            collection += r.Namespaced ? $"/namespaces/{{namespace}}/{r.Plural}" : $"/{r.Plural}";
            var item = collection + "/{name}";
            var kindVerbs = new JsonObject();
            if (r.Supports("list")) kindVerbs["get"] = Operation("list", gvk, schema);
            if (r.Supports("create")) kindVerbs["post"] = Operation("post", gvk, schema, fieldValidation: true);
            if (r.Supports("deletecollection")) kindVerbs["delete"] = Operation("deletecollection", gvk, schema);
            paths[collection] = kindVerbs;
            paths[item] = ItemOperations(gvk, schema, r.Verbs);
            foreach (var sub in r.Subresources)
            {
                var subGvk = Gvk(sub.Group.Length > 0 ? sub.Group : r.Group, sub.Version, sub.Kind);
                var subSchema = SubresourceTypes.TryGetValue(sub.Kind, out var subType) ? schemas.Reference(subType, new JsonArray(subGvk.DeepClone())) : schema;
                var subOperations = ItemOperations(subGvk, subSchema, sub.Verbs);
                if (sub.Verbs.Contains("create")) subOperations["post"] = Operation("post", subGvk, subSchema, fieldValidation: true);
                paths[$"{item}/{sub.Name}"] = subOperations;
            }
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.33.1" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas.Schemas },
        };
    }

    private static JsonObject ItemOperations(JsonObject gvk, JsonObject schema, string[] verbs)
    {
        var operations = new JsonObject();
        if (verbs.Contains("get")) operations["get"] = Operation("get", gvk, schema);
        if (verbs.Contains("update")) operations["put"] = Operation("put", gvk, schema, fieldValidation: true);
        if (verbs.Contains("patch")) operations["patch"] = Operation("patch", gvk, schema, fieldValidation: true);
        if (verbs.Contains("delete")) operations["delete"] = Operation("delete", gvk, schema);
        return operations;
    }

    private static JsonObject Operation(string action, JsonObject gvk, JsonObject schema, bool fieldValidation = false)
    {
        var parameters = new JsonArray();
        if (fieldValidation)
            parameters.Add(new JsonObject
            {
                ["name"] = "fieldValidation",
                ["in"] = "query",
                ["description"] = "How the server treats unknown and duplicate fields: Ignore, Warn (the default) or Strict.",
                ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
            });
        return new JsonObject
        {
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema.DeepClone() } },
                },
            },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        };
    }

    private static JsonObject Gvk(string group, string version, string kind) =>
        new() { ["group"] = group, ["kind"] = kind, ["version"] = version };
}
