using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// Static bearer tokens (kube-apiserver's <c>--token-auth-file</c>): users that <c>kubelab serve</c> or a
/// lesson declares, each token naming a user and groups.
/// </summary>
public sealed class TokenAuthenticator : ITokenAuthenticator
{
    private readonly Dictionary<string, UserInfo> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public string Name => "static token";

    public void AddToken(string token, UserInfo user)
    {
        lock (_sync) _tokens[token] = user;
    }

    public AuthenticationResult? AuthenticateToken(string token)
    {
        UserInfo? user;
        lock (_sync) _tokens.TryGetValue(token, out user);
        return user is null ? null : AuthenticationResult.Authenticated(user, "static bearer token accepted");
    }
}
