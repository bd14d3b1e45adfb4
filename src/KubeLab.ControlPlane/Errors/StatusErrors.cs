using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Errors;

/// <summary>
/// Factories for every Status the server answers with, worded as apimachinery's errors package
/// words them. <paramref name="resource"/> arguments are group-qualified (<c>deployments.apps</c>).
/// </summary>
public static class StatusErrors
{
    public static ApiException NotFound(GroupResource resource, string name) =>
        Failure(404, "NotFound", $"{resource} \"{name}\" not found", Details(resource, name));

    public static ApiException AlreadyExists(GroupResource resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource} \"{name}\" already exists", Details(resource, name));

    public static ApiException Conflict(GroupResource resource, string name, string detail) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {detail}", Details(resource, name));

    public const string ObjectModified = "the object has been modified; please apply your changes to the latest version and try again";

    public static ApiException Invalid(string kind, string? group, string name, IReadOnlyList<FieldError> errors)
    {
        var summary = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        var qualifiedKind = string.IsNullOrEmpty(group) ? kind : $"{kind}.{group}";
        return Failure(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {summary}", new StatusDetails
        {
            Name = name,
            Group = string.IsNullOrEmpty(group) ? null : group,
            Kind = kind,
            Causes = errors.Select(e => new StatusCause { Reason = e.Reason, Message = e.Detail, Field = e.Field }).ToList(),
        });
    }

    public static ApiException BadRequest(string message) => Failure(400, "BadRequest", message, null);

    public static ApiException Forbidden(GroupResource resource, string name, string reason, List<StatusCause>? causes = null)
    {
        var subject = string.IsNullOrEmpty(name) ? resource.ToString() : $"{resource} \"{name}\"";
        var details = Details(resource, name);
        details.Causes = causes;
        return Failure(403, "Forbidden", $"{subject} is forbidden: {reason}", details);
    }

    /// <summary>
    /// An authorizer's refusal (responsewriters.ForbiddenStatusError): <c>pods "x" is forbidden: User "jane" cannot get
    /// resource "pods" in API group "" in the namespace "default"</c>, or <c>forbidden: User "jane" cannot get path "/foo"</c>;
    /// the authorizer's reason, if any, follows after a colon.
    /// </summary>
    public static ApiException ForbiddenByAuthorizer(Authorization.AuthorizationAttributes request, string reason)
    {
        var message = ForbiddenMessage(request).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        if (reason.Length > 0) message += ": " + reason;
        var resource = new GroupResource(request.ApiGroup, request.Resource);
        if (resource.Resource.Length == 0 && resource.Group.Length == 0)
            return Failure(403, "Forbidden", $"forbidden: {message}", new StatusDetails());
        return Forbidden(resource, request.Name, message);
    }

    private static string ForbiddenMessage(Authorization.AuthorizationAttributes request)
    {
        var user = $"User \"{request.User.Name}\"";
        if (!request.IsResourceRequest) return $"{user} cannot {request.Verb} path \"{request.Path}\"";
        var resource = request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource;
        var scope = request.Namespace.Length > 0 ? $"in the namespace \"{request.Namespace}\"" : "at the cluster scope";
        return $"{user} cannot {request.Verb} resource \"{resource}\" in API group \"{request.ApiGroup}\" {scope}";
    }

    public static ApiException MethodNotSupported(GroupResource resource, string action) =>
        Failure(405, "MethodNotAllowed", $"{action} is not supported on resources of kind \"{resource}\"", new StatusDetails { Group = NullIfEmpty(resource.Group), Kind = resource.Resource });

    /// <summary>A verb the path does not serve (PUT on a collection, POST on an object): go-restful's 405, as the apiserver words it.</summary>
    public static ApiException MethodNotAllowedOnPath() =>
        Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new StatusDetails());

    public static ApiException NotFoundPath() =>
        Failure(404, "NotFound", "the server could not find the requested resource", new StatusDetails());

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}", null);

    public static ApiException NotAcceptable(IEnumerable<string> accepted) =>
        Failure(406, "NotAcceptable", $"only the following media types are accepted: {string.Join(", ", accepted)}", null);

    public static ApiException RequestEntityTooLarge(string message) =>
        Failure(413, "RequestEntityTooLarge", $"Request entity too large: {message}", null);

    public static ApiException TooManyRequests(string message, int retryAfterSeconds) =>
        Failure(429, "TooManyRequests", message, new StatusDetails { RetryAfterSeconds = retryAfterSeconds });

    public static ApiException Unauthorized() => Failure(401, "Unauthorized", "Unauthorized", null);

    public static ApiException Gone(string message) => Failure(410, "Expired", message, null);

    public static ApiException Internal(string message) =>
        Failure(500, "InternalError", $"Internal error occurred: {message}", new StatusDetails { Causes = [new StatusCause { Message = message }] });

    public static Status Success(GroupResource resource, string name, string? uid) => new()
    {
        Outcome = "Success",
        Details = new StatusDetails { Name = name, Group = NullIfEmpty(resource.Group), Kind = resource.Resource, Uid = uid },
    };

    private static StatusDetails Details(GroupResource resource, string name) =>
        new() { Name = string.IsNullOrEmpty(name) ? null : name, Group = NullIfEmpty(resource.Group), Kind = resource.Resource };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static ApiException Failure(int code, string reason, string message, StatusDetails? details) =>
        new(new Status { Outcome = "Failure", Message = message, Reason = reason, Details = details, Code = code });
}

/// <summary>A resource qualified by its group, printed as Kubernetes prints it: <c>pods</c>, <c>deployments.apps</c>.</summary>
public readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
