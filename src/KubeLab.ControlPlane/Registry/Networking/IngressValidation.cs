using System.Net;
using KubeLab.ControlPlane.Api.Networking;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Apps;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Networking;

/// <summary>pkg/apis/networking/validation for Ingress specs, in its order and words.</summary>
internal static class IngressValidation
{
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];
    private static readonly string[] InvalidPathSequences = ["//", "/./", "/../", "%2f", "%2F"];
    private static readonly string[] InvalidPathSuffixes = ["/..", "/."];

    public static IEnumerable<FieldError> ValidateSpec(IngressSpec spec)
    {
        if (spec.Rules is not { Count: > 0 } && spec.DefaultBackend is null)
            yield return FieldError.Invalid("spec", new RawValue(spec.Rules is null ? "[]networking.IngressRule(nil)" : "[]networking.IngressRule{}"),
                "either `defaultBackend` or `rules` must be specified");
        if (spec.DefaultBackend is not null)
            foreach (var error in Backend(spec.DefaultBackend, "spec.defaultBackend")) yield return error;
        foreach (var (rule, i) in (spec.Rules ?? []).Select((r, i) => (r, i)))
            foreach (var error in Rule(rule, $"spec.rules[{i}]")) yield return error;
        foreach (var (tls, i) in (spec.Tls ?? []).Select((t, i) => (t, i)))
        {
            foreach (var (host, j) in (tls.Hosts ?? []).Select((h, j) => (h, j)))
                foreach (var message in HostName(host)) yield return FieldError.Invalid($"spec.tls[{i}].hosts[{j}]", host, message);
            if (!string.IsNullOrEmpty(tls.SecretName))
                foreach (var message in NameRules.Dns1123Subdomain(tls.SecretName)) yield return FieldError.Invalid($"spec.tls[{i}].secretName", tls.SecretName, message);
        }
        if (spec.IngressClassName is { } className)
            foreach (var message in NameRules.Dns1123Subdomain(className)) yield return FieldError.Invalid("spec.ingressClassName", className, message);
    }

    private static IEnumerable<FieldError> Rule(IngressRule rule, string path)
    {
        if (!string.IsNullOrEmpty(rule.Host))
        {
            if (IPAddress.TryParse(rule.Host, out _)) yield return FieldError.Invalid(path + ".host", rule.Host, "must be a DNS name, not an IP address");
            foreach (var message in HostName(rule.Host)) yield return FieldError.Invalid(path + ".host", rule.Host, message);
        }
        if (rule.Http is null) yield break;
        if (rule.Http.Paths is not { Count: > 0 }) yield return FieldError.Required(path + ".http.paths");
        foreach (var (httpPath, i) in (rule.Http.Paths ?? []).Select((p, i) => (p, i)))
            foreach (var error in HttpPath(httpPath, $"{path}.http.paths[{i}]")) yield return error;
    }

    private static IEnumerable<FieldError> HttpPath(HttpIngressPath httpPath, string path)
    {
        if (httpPath.PathType is null)
        {
            yield return FieldError.Required(path + ".pathType", "pathType must be specified");
            yield break;
        }
        var value = httpPath.Path ?? "";
        switch (httpPath.PathType)
        {
            case "Exact" or "Prefix":
                if (!value.StartsWith('/')) yield return FieldError.Invalid(path + ".path", value, "must be an absolute path");
                foreach (var sequence in InvalidPathSequences.Where(value.Contains))
                    yield return FieldError.Invalid(path + ".path", value, $"must not contain '{sequence}'");
                foreach (var suffix in InvalidPathSuffixes.Where(value.EndsWith))
                    yield return FieldError.Invalid(path + ".path", value, $"cannot end with '{suffix}'");
                break;
            case "ImplementationSpecific":
                if (value.Length > 0 && !value.StartsWith('/')) yield return FieldError.Invalid(path + ".path", value, "must be an absolute path");
                break;
            default:
                yield return FieldError.NotSupported(path + ".pathType", httpPath.PathType, PathTypes);
                break;
        }
        foreach (var error in Backend(httpPath.Backend, path + ".backend")) yield return error;
    }

    private static IEnumerable<FieldError> Backend(IngressBackend backend, string path)
    {
        switch (backend)
        {
            case { Resource: not null, Service: not null }:
                yield return FieldError.Invalid(path, "", "cannot set both resource and service backends");
                yield break;
            case { Resource: { } resource }:
                if (resource.Kind.Length == 0) yield return FieldError.Required(path + ".resource.kind");
                if (resource.Name.Length == 0) yield return FieldError.Required(path + ".resource.name");
                yield break;
            case { Service: { } service }:
                if (service.Name.Length == 0) yield return FieldError.Required(path + ".service.name");
                else foreach (var message in NameRules.Dns1035Label(service.Name)) yield return FieldError.Invalid(path + ".service.name", service.Name, message);
                var portName = service.Port?.Name ?? "";
                var portNumber = service.Port?.Number ?? 0;
                if (portName.Length > 0 && portNumber != 0)
                    yield return FieldError.Invalid(path, "", "cannot set both port name & port number");
                else if (portName.Length > 0)
                    foreach (var message in NameRules.PortName(portName)) yield return FieldError.Invalid(path + ".service.port.name", portName, message);
                else if (portNumber != 0)
                {
                    if (portNumber is < 1 or > 65535) yield return FieldError.Invalid(path + ".service.port.number", portNumber, "must be between 1 and 65535, inclusive");
                }
                else yield return FieldError.Required(path, "port name or number is required");
                yield break;
            default:
                yield return FieldError.Invalid(path, "", "resource or service backend is required");
                yield break;
        }
    }

    /// <summary>A host is a DNS-1123 subdomain, or a wildcard one (<c>*.example.org</c>).</summary>
    private static IEnumerable<string> HostName(string host)
    {
        if (!host.Contains('*')) return NameRules.Dns1123Subdomain(host);
        var valid = host.StartsWith("*.", StringComparison.Ordinal) && !host[2..].Contains('*') && !NameRules.Dns1123Subdomain(host[2..]).Any();
        return valid ? [] : [WildcardMessage];
    }

    private const string WildcardMessage =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
}
