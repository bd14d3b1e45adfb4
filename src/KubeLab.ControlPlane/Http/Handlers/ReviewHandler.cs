using KubeLab.ControlPlane.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>POST of a review kind: decoded like any body, evaluated by its strategy, answered 201, never stored.</summary>
public sealed class ReviewHandler(Cluster cluster)
{
    public async Task Create(HttpContext http, ResourceScopeTarget target)
    {
        var api = http.Api();
        var obj = ObjectDecoder.Decode(await RequestBody.ReadAsync(http, cluster.Options.Limits.MaxRequestBodyBytes), http.Request.ContentType, target.Resource,
            http.Request.Query["fieldValidation"], api.Warnings);
        var review = ((IReviewStrategy)target.Resource.Strategy).Review(obj, new ReviewContext(api.User, target.Namespace, cluster, api.Trace));
        review.Kind = target.Resource.Kind;
        review.ApiVersion = target.Resource.ApiVersion;
        await ResponseWriter.WriteJson(http, 201, Serialization.KubeJson.Serialize(review, review.GetType()));
    }
}
