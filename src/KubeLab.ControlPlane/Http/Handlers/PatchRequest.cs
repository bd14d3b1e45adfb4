using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Serialization;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// PATCH (apiserver's handlers/patch.go): read the live object, apply the patch document to it, decode the
/// result like any body, and update with the live resourceVersion — retrying when someone else wrote in
/// between. Server-side apply creates the object when it does not exist.
/// </summary>
internal static class PatchRequest
{
    private const int Attempts = 5;

    public static PatchOutcome Run(HttpContext http, ResourceScopeTarget target, byte[] body, ApiRequest api, DateTimeOffset now)
    {
        var contentType = http.Request.ContentType;
        var isApply = MediaTypes.Essence(contentType) == MediaTypes.ApplyPatch;
        var options = Options(http, target, isApply, now);
        var context = api.RegistryContext(http);
        var name = target.Name!;

        for (var attempt = 1; ; attempt++)
        {
            var current = target.Registry.TryGet(target.Namespace, name);
            if (current is null && !isApply)
                throw StatusErrors.NotFound(target.Resource.GroupResource, name);
            var live = current is null ? null : JsonNode.Parse(current.Json)!.AsObject();
            var patched = PatchApplier.Apply(contentType, live, body, target.Resource.ObjectType, options);
            foreach (var problem in patched.StrictErrors)
            {
                if (options.FieldValidation == "Strict")
                    throw ObjectDecoder.CannotHandle(target.Resource.Kind, target.Resource.ApiVersion, "strict decoding error: " + problem);
                if (options.FieldValidation == "Warn") api.Warnings.Add(problem);
            }
            var obj = ObjectDecoder.Decode(KubeJson.Serialize(patched.Object), MediaTypes.Json, target.Resource, options.FieldValidation, api.Warnings);
            try
            {
                if (current is null) return new PatchOutcome(target.Registry.Create(target.Namespace, obj, context, "Apply"), Created: true);
                return new PatchOutcome(target.Registry.Update(target.Namespace, name, obj, context, target.Subresource,
                    isApply ? "Apply" : "Update").Stored, Created: false);
            }
            catch (ApiException e) when (attempt < Attempts && e.Status.Reason == "Conflict" && current is not null
                                         && obj.Metadata.ResourceVersion == current.Object.Metadata.ResourceVersion)
            {
                // The live object changed between our read and our write, and the patch did not pin a
                // resourceVersion of its own: patch the new one.
            }
        }
    }

    private static PatchOptions Options(HttpContext http, ResourceScopeTarget target, bool isApply, DateTimeOffset now)
    {
        var query = http.Request.Query;
        var manager = query["fieldManager"].ToString();
        if (isApply && manager.Length == 0)
            throw StatusErrors.Invalid("PatchOptions", "meta.k8s.io", "", [FieldError.Required("fieldManager", "is required for apply patch")]);
        if (!isApply && query.ContainsKey("force"))
            throw StatusErrors.Invalid("PatchOptions", "meta.k8s.io", "", [FieldError.Forbidden("force", "may not be specified for non-apply patch")]);
        return new PatchOptions
        {
            FieldValidation = query["fieldValidation"].ToString() is { Length: > 0 } v ? v : "Warn",
            FieldManager = manager.Length > 0 ? manager : null,
            Force = query["force"] == "true",
            ApiVersion = target.Resource.ApiVersion,
            Now = now,
            Subresource = target.Subresource,
        };
    }
}
