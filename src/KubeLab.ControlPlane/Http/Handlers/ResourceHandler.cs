using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>The target of a resource request once the catalog has resolved it.</summary>
public sealed record ResourceScopeTarget(ResourceDescriptor Resource, ResourceRegistry Registry, string? Namespace, string? Name, string? Subresource);

/// <summary>Routes a resource request to its verb handler (apiserver's endpoints/handlers).</summary>
public sealed class ResourceHandler(Cluster cluster)
{
    private readonly ReadHandlers _reads = new(cluster);
    private readonly WriteHandlers _writes = new(cluster);
    private readonly WatchHandler _watch = new(cluster);
    private readonly SubresourceHandlers _subresources = new(cluster);
    private readonly ReviewHandler _reviews = new(cluster);

    public Task Handle(HttpContext http)
    {
        var info = http.Api().Info;
        var target = Resolve(info);
        if (target.Subresource is not null) return _subresources.Handle(http, target);
        // Routes are per path: a collection serves GET, POST and DELETE, an object GET, PUT, PATCH and DELETE.
        if (target.Name is null ? info.Verb is "update" or "patch" : info.Verb is "create")
            throw StatusErrors.MethodNotAllowedOnPath();
        if (!target.Resource.Supports(info.Verb))
            throw StatusErrors.MethodNotSupported(target.Resource.GroupResource, info.Verb);
        if (target.Resource.Strategy is IReviewStrategy && info.Verb == "create") return _reviews.Create(http, target);
        return info.Verb switch
        {
            "get" => _reads.Get(http, target),
            "list" => _reads.List(http, target),
            "watch" => _watch.Watch(http, target),
            "create" => _writes.Create(http, target),
            "update" => _writes.Update(http, target),
            "patch" => _writes.Patch(http, target),
            "delete" => _writes.Delete(http, target),
            "deletecollection" => _writes.DeleteCollection(http, target),
            _ => throw StatusErrors.MethodNotSupported(target.Resource.GroupResource, info.Verb),
        };
    }

    private ResourceScopeTarget Resolve(RequestInfo info)
    {
        var resource = cluster.Catalog.Find(info.ApiGroup, info.ApiVersion, info.Resource) ?? throw StatusErrors.NotFoundPath();
        string? ns;
        if (resource.Namespaced)
        {
            ns = info.Namespace;
            if (ns is null && info.Verb is not ("list" or "watch")) throw StatusErrors.NotFoundPath();
        }
        else
        {
            // /api/v1/namespaces/{name} carries the name where a namespace would be; other cluster-scoped
            // resources cannot be reached through a namespace path.
            var isNamespaces = resource.Plural == "namespaces" && resource.Group.Length == 0;
            if (info.Namespace is not null && !isNamespaces) throw StatusErrors.NotFoundPath();
            ns = null;
        }
        if (info.Subresource is { } sub && resource.Subresource(sub) is null) throw StatusErrors.NotFoundPath();
        return new ResourceScopeTarget(resource, cluster.Registry(resource), ns, info.Name, info.Subresource);
    }
}
