using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// Service account tokens as the TokenRequest API issues them: JWTs (signed RS256 with the service account key,
/// <see cref="ServiceAccountSigningKey"/>) whose claims name the account, its namespace and uid, an audience and an expiry.
/// A token authenticates as <c>system:serviceaccount:NS:NAME</c> while it has not expired by the cluster
/// clock and the account still exists with the same uid.
/// </summary>
public sealed class ServiceAccountTokens(VersionedStore store, ClusterServices services) : ITokenAuthenticator
{
    public const string Issuer = "https://kubernetes.default.svc.cluster.local";
    public static readonly string[] ApiAudiences = [Issuer];
    public const string CredentialIdKey = "authentication.kubernetes.io/credential-id";

    private readonly Lazy<RSA> _key = new(() =>
    {
        var key = RSA.Create();
        key.ImportFromPem(ServiceAccountSigningKey.Pem);
        return key;
    });

    public string Name => "service account token";

    /// <summary>Signs a token for <paramref name="account"/>; returns the token and when it expires.</summary>
    public (string Token, DateTimeOffset Expires) Issue(ServiceAccount account, IReadOnlyList<string> audiences, long expirationSeconds)
    {
        var now = services.Now();
        var expires = now.AddSeconds(expirationSeconds);
        var claims = new JsonObject
        {
            ["aud"] = new JsonArray([.. audiences.Select(a => (JsonNode)a)]),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["jti"] = services.Ids.NewUid(),
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = account.Metadata.Namespace,
                ["serviceaccount"] = new JsonObject { ["name"] = account.Metadata.Name, ["uid"] = account.Metadata.Uid },
            },
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = ServiceAccountNames.Username(account.Metadata.Namespace!, account.Metadata.Name!),
        };
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId() };
        var signingInput = Base64Url(header.ToJsonString()) + "." + Base64Url(claims.ToJsonString());
        var signature = _key.Value.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (signingInput + "." + Base64Url(signature), expires);
    }

    public AuthenticationResult? AuthenticateToken(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        JsonObject? claims;
        try
        {
            claims = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        if (claims?["iss"]?.GetValue<string>() != Issuer) return null;
        if (!_key.IsValueCreated || !_key.Value.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            return AuthenticationResult.Failed("invalid signature: the token was not signed by this cluster");
        return Validate(claims);
    }

    private AuthenticationResult Validate(JsonObject claims)
    {
        var now = services.Clock.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims["exp"]!.GetValue<long>());
        if (now >= expires) return AuthenticationResult.Failed($"service account token has expired (at {expires:yyyy-MM-ddTHH:mm:ssZ})");
        var audiences = claims["aud"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        if (!audiences.Intersect(ApiAudiences).Any())
            return AuthenticationResult.Failed($"token audiences [{string.Join(" ", audiences.Select(a => $"\"{a}\""))}] is invalid for the target audiences [{string.Join(" ", ApiAudiences.Select(a => $"\"{a}\""))}]");
        var k8s = claims["kubernetes.io"]!.AsObject();
        var ns = k8s["namespace"]!.GetValue<string>();
        var name = k8s["serviceaccount"]!["name"]!.GetValue<string>();
        var uid = k8s["serviceaccount"]!["uid"]!.GetValue<string>();
        var account = store.Get("serviceaccounts", $"{ns}/{name}")?.Object;
        if (account is null) return AuthenticationResult.Failed($"serviceaccounts \"{name}\" not found");
        if (account.Metadata.Uid != uid)
            return AuthenticationResult.Failed($"service account UID ({account.Metadata.Uid}) does not match claim ({uid})");
        var user = new UserInfo(ServiceAccountNames.Username(ns, name), ServiceAccountNames.Groups(ns), uid)
        {
            Extra = new Dictionary<string, IReadOnlyList<string>> { [CredentialIdKey] = [$"JTI={claims["jti"]!.GetValue<string>()}"] },
        };
        return AuthenticationResult.Authenticated(user, $"service account token accepted (expires {expires:yyyy-MM-ddTHH:mm:ssZ})");
    }

    private string KeyId() => Base64Url(SHA256.HashData(_key.Value.ExportSubjectPublicKeyInfo()));

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
