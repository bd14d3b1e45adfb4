using System.Text.RegularExpressions;

namespace KubeLab.ControlPlane.Validation;

/// <summary>The name formats of k8s.io/apimachinery/pkg/util/validation, with their exact messages.</summary>
public static partial class NameRules
{
    public delegate IEnumerable<string> Rule(string name);

    public static readonly Rule Dns1123Subdomain = name => Check(name, 253, Subdomain(),
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");

    public static readonly Rule Dns1123Label = name => Check(name, 63, Label(),
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");

    public static readonly Rule Dns1035Label = name => Check(name, 63, Label1035(),
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");

    /// <summary>Path segment names (RBAC roles and the like) only refuse what cannot be put in a URL.</summary>
    public static readonly Rule PathSegment = name =>
        name is "." or ".." ? [$"may not be '{name}'"] :
        name.IndexOfAny(['/', '%']) >= 0 ? [$"may not contain '{(name.Contains('/') ? '/' : '%')}'"] : [];

    /// <summary>IsValidPortName: an IANA service name (container port names, Ingress backend port names).</summary>
    public static readonly Rule PortName = name =>
    {
        var errors = new List<string>();
        if (name.Length > 15) errors.Add("must be no more than 15 characters");
        if (!PortNameCharset().IsMatch(name)) errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        else if (!name.Any(char.IsAsciiLetterLower)) errors.Add("must contain at least one letter (a-z)");
        if (name.Contains("--")) errors.Add("must not contain consecutive hyphens");
        if (name.Length > 0 && (name[0] == '-' || name[^1] == '-')) errors.Add("must not begin or end with a hyphen");
        return errors;
    };

    private static IEnumerable<string> Check(string name, int max, Regex pattern, string formatMessage)
    {
        if (name.Length > max) yield return $"must be no more than {max} characters";
        if (!pattern.IsMatch(name)) yield return formatMessage;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[-a-z0-9]+$")]
    private static partial Regex PortNameCharset();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label1035();
}
