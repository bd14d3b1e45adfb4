using KubeLab.ControlPlane.Authentication;
using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Http.Exchanges;
using KubeLab.ControlPlane.Http.FlowControl;
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
    private readonly Impersonation _impersonation;
    private readonly PriorityAndFairness _flowControl;

    public ApiServer(Cluster cluster)
    {
        _cluster = cluster;
        _impersonation = new Impersonation(cluster.Authorizer);
        _flowControl = new PriorityAndFairness(cluster);
        var resources = new ResourceHandler(cluster);
        var nonResources = new NonResourceHandler(cluster);
        _chain = BuildHandlerChain(http => http.Api().Info.IsResourceRequest ? resources.Handle(http) : nonResources.Handle(http));
    }

    /// <summary>The cluster's static bearer tokens (kept here for callers that declare users on the server).</summary>
    public TokenAuthenticator Authenticator => _cluster.Authentication.Tokens;

    /// <summary>Every request and response this server handled, with the trace of each.</summary>
    public ExchangeLog Exchanges { get; } = new();

    /// <summary>What open streams (watches, followed logs, in-process connections) still have to deliver.</summary>
    public DeliveryBacklog Backlog { get; } = new();

    /// <summary>The rate and watch bounds: how many watches are open now.</summary>
    public PriorityAndFairness FlowControl => _flowControl;

    /// <summary>Serves one request: the entry point for Kestrel, the site, and in-process clients.</summary>
    public Task HandleAsync(HttpContext http) => _chain(http);

    private RequestDelegate BuildHandlerChain(RequestDelegate handler)
    {
        handler = WithAuthorization(handler);
        handler = _flowControl.Wrap(handler);
        handler = WithImpersonation(handler);
        handler = WithAuthentication(handler);
        handler = WithStatusErrors(handler);
        handler = new ExchangeRecorder(Exchanges, _cluster.Services.Clock).Wrap(handler);
        return WithRequestInfo(handler);
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
        api.User = api.Requester = _cluster.Authentication.Chain.Authenticate(http, api.Trace);
        return next(http);
    };

    private RequestDelegate WithImpersonation(RequestDelegate next) => http =>
    {
        var api = http.Api();
        api.User = _impersonation.Apply(http, api.User, api.Trace);
        return next(http);
    };

    /// <summary>The authorizer chain decides; a refusal is the 403 whose message names the user, verb and resource.</summary>
    private RequestDelegate WithAuthorization(RequestDelegate next) => http =>
    {
        var api = http.Api();
        var attributes = AuthorizationAttributes.From(api.Info, api.User);
        var result = _cluster.Authorizer.Authorize(attributes, api.Trace);
        if (result.Allowed) return next(http);
        api.Trace.Add(new TraceEntry(TraceStage.Authorization, "union", "denied", "no authorizer allowed the request: 403 Forbidden"));
        throw StatusErrors.ForbiddenByAuthorizer(attributes, result.Reason);
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
