using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c>, offered to each token authenticator in turn (apiserver's bearertoken
/// and token union). Any other scheme — <c>Basic</c> included, since basic authentication was removed in
/// v1.19 — is not a bearer token, so this authenticator does not apply and the request may be anonymous.
/// </summary>
public sealed class BearerTokenAuthenticator(IReadOnlyList<ITokenAuthenticator> tokens) : IRequestAuthenticator
{
    public string Name => "bearer token";

    public AuthenticationResult Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0) return AuthenticationResult.NotApplicable("no Authorization header");
        var parts = header.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.NotApplicable($"Authorization scheme \"{parts[0]}\" is not Bearer (no authenticator reads it)");
        if (parts[1].Length == 0) return AuthenticationResult.NotApplicable("empty bearer token");
        return AuthenticateToken(parts[1]);
    }

    public AuthenticationResult AuthenticateToken(string token)
    {
        var errors = new List<string>();
        foreach (var authenticator in tokens)
        {
            var result = authenticator.AuthenticateToken(token);
            if (result?.User is not null) return result;
            if (result?.Error is { } error) errors.Add($"{authenticator.Name}: {error}");
        }
        return AuthenticationResult.Failed(errors.Count == 0 ? "invalid bearer token: it matches no user" : "invalid bearer token: " + string.Join("; ", errors));
    }
}
