using KubeLab.ControlPlane.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>PATCH: read the live object, apply the patch document, and update with the live resourceVersion.</summary>
internal static class PatchRequest
{
    public static PatchOutcome Run(HttpContext http, ResourceScopeTarget target, byte[] body, ApiRequest api) =>
        throw StatusErrors.UnsupportedMediaType(MediaTypes.Essence(http.Request.ContentType), MediaTypes.Patches);
}
