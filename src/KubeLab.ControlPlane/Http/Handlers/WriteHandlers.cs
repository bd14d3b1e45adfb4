using System.Text.Json;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>POST, PUT, PATCH and DELETE on a resource (apiserver's create.go, update.go, patch.go, delete.go).</summary>
public sealed class WriteHandlers(Cluster cluster)
{
    private readonly ReadHandlers _reads = new(cluster);

    public async Task Create(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var obj = ObjectDecoder.Decode(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, target.Resource,
            http.Request.Query["fieldValidation"], api.Warnings);
        var stored = target.Registry.Create(target.Namespace, obj, api.RegistryContext(http));
        await _reads.WriteOne(http, target.Resource, stored, 201);
    }

    public async Task Update(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var obj = ObjectDecoder.Decode(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, target.Resource,
            http.Request.Query["fieldValidation"], api.Warnings);
        var result = target.Registry.Update(target.Namespace, target.Name!, obj, api.RegistryContext(http), target.Subresource);
        await _reads.WriteOne(http, target.Resource, result.Stored, result.Created ? 201 : 200);
    }

    public async Task Patch(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var body = await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes);
        var outcome = PatchRequest.Run(http, target, body, api, cluster.Services.Now());
        await _reads.WriteOne(http, target.Resource, outcome.Stored, outcome.Created ? 201 : 200);
    }

    public async Task Delete(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var options = await DeleteOptionsOf(http);
        var context = api.RegistryContext(http) with { DryRun = options.DryRun?.Contains("All") == true || http.Request.Query["dryRun"] == "All" };
        var result = target.Registry.Delete(target.Namespace, target.Name!, options, context);
        if (result.Deleted && !target.Resource.ReturnDeletedObject)
        {
            await ResponseWriter.WriteStatus(http, StatusErrors.Success(target.Resource.GroupResource, target.Name!, result.Stored.Object.Metadata.Uid));
            return;
        }
        await ResponseWriter.WriteJson(http, 200, result.Stored.Json);
    }

    public async Task DeleteCollection(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var options = await DeleteOptionsOf(http);
        var deleted = target.Registry.DeleteCollection(target.Namespace, ReadHandlers.ParseListOptions(http.Request.Query), options, api.RegistryContext(http));
        var meta = new ListMeta { ResourceVersion = cluster.Store.Revision.ToString() };
        await ResponseWriter.WriteJson(http, 200, ReadHandlers.ListJson(target.Resource, meta, deleted));
    }

    /// <summary>DeleteOptions come as a JSON body (kubectl) or as query parameters (curl users).</summary>
    private async Task<DeleteOptions> DeleteOptionsOf(HttpContext http)
    {
        var body = await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes);
        DeleteOptions options;
        try
        {
            options = body.Length == 0 ? new DeleteOptions() : JsonSerializer.Deserialize<DeleteOptions>(body, KubeJson.Options) ?? new DeleteOptions();
        }
        catch (JsonException e)
        {
            throw StatusErrors.BadRequest($"error decoding DeleteOptions: {e.Message.Split(" Path:")[0]}");
        }
        var query = http.Request.Query;
        if (long.TryParse(query["gracePeriodSeconds"], out var grace)) options.GracePeriodSeconds = grace;
        if (query["propagationPolicy"].ToString() is { Length: > 0 } policy) options.PropagationPolicy = policy;
        if (bool.TryParse(query["orphanDependents"], out var orphan)) options.OrphanDependents = orphan;
        if (options.OrphanDependents is not null && options.PropagationPolicy is { } both)
            throw StatusErrors.Invalid("DeleteOptions", null, "", [FieldError.Invalid("propagationPolicy", both, "orphanDependents and deletionPropagation cannot be both set")]);
        if (options.PropagationPolicy is { } p && p is not ("Background" or "Foreground" or "Orphan"))
            throw StatusErrors.Invalid("DeleteOptions", null, "", [FieldError.NotSupported("propagationPolicy", p, ["Foreground", "Background", "Orphan", "nil"])]);
        return options;
    }
}

/// <summary>The result of a PATCH: the stored object and whether server-side apply created it.</summary>
public sealed record PatchOutcome(StoredObject Stored, bool Created);
