using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// One authenticator's answer (apiserver's <c>(*Response, ok, err)</c>): not mine (no credentials of my
/// kind), authenticated as a user, or failed (credentials of my kind that do not hold: the request is a 401).
/// </summary>
public sealed record AuthenticationResult(UserInfo? User, string? Error, string Detail)
{
    public static AuthenticationResult NotApplicable(string detail) => new(null, null, detail);
    public static AuthenticationResult Authenticated(UserInfo user, string detail) => new(user, null, detail);
    public static AuthenticationResult Failed(string error) => new(null, error, error);

    public bool Applies => User is not null || Error is not null;
}

/// <summary>Authenticates a request from what it carries (a client certificate, an Authorization header).</summary>
public interface IRequestAuthenticator
{
    string Name { get; }
    AuthenticationResult Authenticate(HttpContext http);
}

/// <summary>Authenticates a bearer token; null when the token is not one this authenticator knows how to read.</summary>
public interface ITokenAuthenticator
{
    string Name { get; }
    AuthenticationResult? AuthenticateToken(string token);
}
