using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Http;
using KubeLab.Site.Learners;
using Microsoft.AspNetCore.Http.Features;

namespace KubeLab.Site.Connect;

/// <summary>
/// Routes <c>/clusters/{connectId}/…</c> on the connect endpoint to that learner's API server, the prefix stripped
/// (it becomes the PathBase) as a path-routing proxy in front of a kube-apiserver does: the cluster sees and records
/// <c>/api/v1/…</c>. The connect id only routes; the cluster's own authenticator decides who the bearer token is, so
/// a token of another learner's gets that cluster's real 401. Anything else — no such id, no <c>/clusters/</c> — is
/// the 404 Status a kube-apiserver gives for a path it does not serve.
/// </summary>
/// <remarks>
/// Kestrel has already removed dot segments from the path (<c>/clusters/a/../b/api</c> arrives as
/// <c>/clusters/b/api</c>) and keeps an encoded slash encoded, so an id is one whole segment or nothing. When the
/// site stops, requests still open (watches) end, as a stopping kube-apiserver ends them.
/// </remarks>
internal sealed class ConnectGateway(LearnerClusters learners, CancellationToken stopping)
{
    public const string Prefix = "/clusters";

    public async Task HandleAsync(HttpContext http)
    {
        if (!TrySplit(http.Request.Path, out var connectId, out var rest)
            || learners.FindByConnectId(connectId) is not { } learner
            || !learner.TryBeginRequest(out var caughtUp))
        {
            await ResponseWriter.WriteStatus(http, StatusErrors.NotFoundPath());
            return;
        }
        // The site stopping ends the request as the client going away would: a watch ends its response cleanly.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        http.RequestAborted = ending.Token;
        try
        {
            await caughtUp;
            http.Request.PathBase = $"{Prefix}/{connectId}";
            http.Request.Path = rest;
            // The request line the cluster records is the one it would get behind the proxy: without the prefix.
            if (http.Features.Get<IHttpRequestFeature>() is { } request) request.RawTarget = rest.ToUriComponent() + http.Request.QueryString;
            await learner.Api.HandleAsync(http);
        }
        finally
        {
            learner.EndRequest();
        }
    }

    /// <summary><c>/clusters/{id}</c> and what follows it (<c>/</c> when nothing does).</summary>
    private static bool TrySplit(PathString path, out string connectId, out PathString rest)
    {
        connectId = "";
        rest = PathString.Empty;
        if (!path.StartsWithSegments(Prefix, StringComparison.Ordinal, out var remaining) || !remaining.HasValue) return false;
        var value = remaining.Value!;
        var end = value.IndexOf('/', 1);
        connectId = end < 0 ? value[1..] : value[1..end];
        rest = new PathString(end < 0 ? "/" : value[end..]);
        return connectId.Length > 0;
    }
}
