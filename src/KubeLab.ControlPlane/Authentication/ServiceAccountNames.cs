using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>How service accounts appear as users (apiserver's authentication/serviceaccount util.go).</summary>
public static class ServiceAccountNames
{
    public const string UsernamePrefix = "system:serviceaccount:";
    public const string AllServiceAccountsGroup = "system:serviceaccounts";

    public static string Username(string ns, string name) => $"{UsernamePrefix}{ns}:{name}";

    public static string[] Groups(string ns) => [AllServiceAccountsGroup, $"{AllServiceAccountsGroup}:{ns}"];

    /// <summary><c>system:serviceaccount:NS:NAME</c> → (NS, NAME), when both parts are valid names.</summary>
    public static (string Namespace, string Name)? Split(string username)
    {
        if (!username.StartsWith(UsernamePrefix, StringComparison.Ordinal)) return null;
        var parts = username[UsernamePrefix.Length..].Split(':');
        if (parts.Length != 2) return null;
        if (NameRules.Dns1123Label(parts[0]).Any() || NameRules.Dns1123Subdomain(parts[1]).Any()) return null;
        return (parts[0], parts[1]);
    }
}
