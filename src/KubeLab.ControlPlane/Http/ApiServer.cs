using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Http.Filters;
using KubeLab.ControlPlane.Http.Handlers;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http;

/// <summary>
/// The simulated kube-apiserver of one cluster, as one ASP.NET Core request delegate. The order of the
/// chain is read in one place, <see cref="BuildHandlerChain"/>, as in apiserver's DefaultBuildHandlerChain.
/// </summary>
public sealed class ApiServer
{
    private readonly Cluster _cluster;
    private readonly RequestDelegate _chain;

    public ApiServer(Cluster cluster)
    {
        _cluster = cluster;
        var resources = new ResourceHandler(cluster);
        var nonResources = new NonResourceHandler(cluster);
        _chain = BuildHandlerChain(http => http.Api().Info.IsResourceRequest ? resources.Handle(http) : nonResources.Handle(http));
    }

    public TokenAuthenticator Authenticator { get; } = new();

    /// <summary>Serves one request: the entry point for Kestrel, the site, and in-process clients.</summary>
    public Task HandleAsync(HttpContext http) => _chain(http);

    private RequestDelegate BuildHandlerChain(RequestDelegate handler)
    {
        handler = WithAuthorization(handler);
        handler = WithAuthentication(handler);
        handler = WithRequestInfo(handler);
        return WithStatusErrors(handler);
    }

    private RequestDelegate WithRequestInfo(RequestDelegate next) => http =>
    {
        var info = RequestInfo.Resolve(http.Request.Method, http.Request.Path.Value ?? "/", http.Request.Query["watch"]);
        var api = new ApiRequest(info, _cluster.Services.Ids.NewUid());
        http.Features.Set(api);
        ResponseWriter.StandardHeaders(http, _cluster, api.AuditId);
        return next(http);
    };

    private RequestDelegate WithAuthentication(RequestDelegate next) => http =>
    {
        var api = http.Api();
        api.User = Authenticator.Authenticate(http, api.Trace);
        return next(http);
    };

    /// <summary>Every authenticated request is allowed until RBAC is in place; the trace says so.</summary>
    private static RequestDelegate WithAuthorization(RequestDelegate next) => http =>
    {
        http.Api().Trace.Add(new TraceEntry(TraceStage.Authorization, "AlwaysAllow", "allowed", "authorization mode AlwaysAllow allows every request"));
        return next(http);
    };

    /// <summary>The outermost filter: any failure is answered as a Status, never a stack trace.</summary>
    private RequestDelegate WithStatusErrors(RequestDelegate next) => async http =>
    {
        try
        {
            await next(http);
        }
        catch (ApiException error) when (!http.Response.HasStarted)
        {
            await ResponseWriter.WriteStatus(http, error);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client hung up; there is nobody to answer.
        }
        catch (Exception unexpected) when (!http.Response.HasStarted)
        {
            await ResponseWriter.WriteStatus(http, StatusErrors.Internal(unexpected.GetType().Name));
        }
    };
}
