using KubeLab.ControlPlane.Api.Authentication;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Authentication;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry.Authentication;

/// <summary>
/// <c>POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token</c> (<c>kubectl create token</c>): a signed
/// token for an existing service account, valid for the requested audiences (default: the API server's)
/// and <c>expirationSeconds</c> (default one hour, at least ten minutes), counted on the cluster clock.
/// </summary>
public static class TokenRequestRest
{
    public const long DefaultExpirationSeconds = 3600;
    private const long MinExpirationSeconds = 600;
    private const long MaxExpirationSeconds = 1L << 32;

    public static TokenRequest Create(TokenRequest request, ServiceAccount account, ServiceAccountTokens issuer, RequestTrace trace)
    {
        var name = account.Metadata.Name!;
        var ns = account.Metadata.Namespace!;
        if (!string.IsNullOrEmpty(request.Metadata.Name) && request.Metadata.Name != name)
            throw StatusErrors.BadRequest($"metadata.name: Invalid value: \"{request.Metadata.Name}\": must match the service account name if specified");
        if (!string.IsNullOrEmpty(request.Metadata.Namespace) && request.Metadata.Namespace != ns)
            throw StatusErrors.BadRequest($"metadata.namespace: Invalid value: \"{request.Metadata.Namespace}\": must match the service account namespace if specified");
        var seconds = request.Spec.ExpirationSeconds ?? DefaultExpirationSeconds;
        if (seconds < MinExpirationSeconds)
            throw StatusErrors.Invalid("TokenRequest", "authentication.k8s.io", name, [FieldError.Invalid("spec.expirationSeconds", seconds, "may not specify a duration less than 10 minutes")]);
        if (seconds > MaxExpirationSeconds)
            throw StatusErrors.Invalid("TokenRequest", "authentication.k8s.io", name, [FieldError.Invalid("spec.expirationSeconds", seconds, "may not specify a duration larger than 2^32 seconds")]);

        var audiences = request.Spec.Audiences is { Count: > 0 } asked ? asked : [.. ServiceAccountTokens.ApiAudiences];
        var (token, expires) = issuer.Issue(account, audiences, seconds);
        trace.Add(new TraceEntry(TraceStage.Authentication, "token request", "issued",
            $"signed a token for {ServiceAccountNames.Username(ns, name)} (uid {account.Metadata.Uid}), audiences [{string.Join(", ", audiences)}], valid {seconds}s until {expires:yyyy-MM-ddTHH:mm:ssZ}; nothing is stored"));
        request.Metadata.Name = name;
        request.Metadata.Namespace = ns;
        request.Metadata.CreationTimestamp = null;
        request.Spec.Audiences = audiences;
        request.Spec.ExpirationSeconds = seconds;
        request.Status = new TokenRequestStatus { Token = token, ExpirationTimestamp = expires };
        return request;
    }
}
