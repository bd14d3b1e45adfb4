using KubeLab.ControlPlane.Api.Authentication;
using KubeLab.ControlPlane.Api.Autoscaling;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Apps;
using KubeLab.ControlPlane.Registry.Authentication;
using KubeLab.ControlPlane.Registry.Core;
using KubeLab.ControlPlane.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary><c>status</c>, <c>finalize</c>, <c>scale</c> and <c>log</c>: the subresources the catalog declares.</summary>
public sealed class SubresourceHandlers(Cluster cluster)
{
    private readonly ReadHandlers _reads = new(cluster);
    private readonly WriteHandlers _writes = new(cluster);
    private readonly PodLogHandler _logs = new(cluster);

    public Task Handle(HttpContext http, ResourceScopeTarget target)
    {
        var verb = http.Api().Info.Verb;
        var sub = target.Resource.Subresource(target.Subresource!)!;
        if (!sub.Verbs.Contains(verb))
            throw StatusErrors.MethodNotSupported(new GroupResource(target.Resource.Group, $"{target.Resource.Plural}/{sub.Name}"), verb);
        return (sub.Name, verb) switch
        {
            ("status", "get") => _reads.Get(http, target),
            ("status" or "finalize", "update") => _writes.Update(http, target),
            ("status", "patch") => _writes.Patch(http, target),
            ("scale", _) => Scale(http, target, verb),
            ("log", "get") => _logs.Get(http, target),
            ("binding", "create") => Bind(http, target),
            ("token", "create") => TokenRequest(http, target),
            _ => throw StatusErrors.MethodNotSupported(target.Resource.GroupResource, verb),
        };
    }

    /// <summary>The autoscaling/v1 Scale view of a workload's replica count.</summary>
    private async Task Scale(HttpContext http, ResourceScopeTarget target, string verb)
    {
        var api = http.Api();
        var scalable = (IScalableStrategy)target.Resource.Strategy;
        var context = api.RegistryContext(http);
        var stored = target.Registry.Get(target.Namespace, target.Name!, context);
        if (verb != "get")
        {
            var desired = verb == "patch"
                ? ScalePatch.DesiredReplicas(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, ScaleOf(stored, scalable))
                : ((Scale)ObjectDecoder.Decode(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, target.Resource,
                    http.Request.Query["fieldValidation"], api.Warnings, typeof(Scale), "Scale", "autoscaling/v1")).Spec.Replicas ?? 0;
            var obj = stored.Copy();
            scalable.SetReplicas(obj, desired);
            stored = target.Registry.Update(target.Namespace, target.Name!, obj, context).Stored;
        }
        await ResponseWriter.WriteObject(http, 200, ScaleOf(stored, scalable));
    }

    private static Scale ScaleOf(StoredObject stored, IScalableStrategy scalable)
    {
        var meta = stored.Object.Metadata;
        var selector = scalable.Selector(stored.Object);
        return new Scale
        {
            Kind = "Scale",
            ApiVersion = "autoscaling/v1",
            Metadata = new ObjectMeta
            {
                Name = meta.Name, Namespace = meta.Namespace, Uid = meta.Uid,
                ResourceVersion = meta.ResourceVersion, CreationTimestamp = meta.CreationTimestamp,
            },
            Spec = new ScaleSpec { Replicas = scalable.Replicas(stored.Object) },
            Status = new ScaleStatus
            {
                Replicas = scalable.StatusReplicas(stored.Object),
                Selector = selector?.MatchLabels is { Count: > 0 } labels
                    ? string.Join(",", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
                    : null,
            },
        };
    }

    /// <summary>A TokenRequest for a service account: nothing is stored, the signed token comes back in the status.</summary>
    private async Task TokenRequest(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var request = (TokenRequest)ObjectDecoder.Decode(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, target.Resource,
            http.Request.Query["fieldValidation"], api.Warnings, typeof(TokenRequest), "TokenRequest", "authentication.k8s.io/v1");
        var account = (ServiceAccount)target.Registry.Get(target.Namespace, target.Name!, api.RegistryContext(http)).Object;
        var issued = TokenRequestRest.Create(request, account, cluster.Authentication.ServiceAccountTokens, api.Trace);
        await ResponseWriter.WriteObject(http, 201, issued);
    }

    /// <summary>A scheduler's Binding: the pod goes to the node, and the answer is a bare Success Status with code 201.</summary>
    private async Task Bind(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var binding = (Binding)ObjectDecoder.Decode(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, target.Resource,
            http.Request.Query["fieldValidation"], api.Warnings, typeof(Binding), "Binding", "v1");
        PodBinding.Bind(target.Registry, target.Namespace!, target.Name!, binding, api.RegistryContext(http), cluster.Services.Now());
        await ResponseWriter.WriteStatus(http, new Status { Outcome = "Success", Code = 201 });
    }
}
