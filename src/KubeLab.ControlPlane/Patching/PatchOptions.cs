using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching;

/// <summary>What the PATCH handler knows besides the body (the query parameters and the request).</summary>
public sealed record PatchOptions
{
    /// <summary>The <c>fieldValidation</c> parameter: <c>Strict</c>, <c>Warn</c> (the server's default) or <c>Ignore</c>.</summary>
    public string FieldValidation { get; init; } = "Warn";

    /// <summary>Server-side apply: the applying manager (required by the handler for apply).</summary>
    public string? FieldManager { get; init; }

    /// <summary>Server-side apply: take ownership of conflicting fields.</summary>
    public bool Force { get; init; }

    /// <summary>The request's group/version as written in apiVersion (<c>v1</c>, <c>apps/v1</c>).</summary>
    public string ApiVersion { get; init; } = "v1";

    public DateTimeOffset Now { get; init; }

    public string? Subresource { get; init; }
}

/// <summary>
/// The patched document (an object, except after a top-level array merge patch with
/// <c>fieldValidation=Ignore</c>, which upstream lets through to fail decoding), and the strict-decoding
/// problems found in the patch body itself (duplicate keys, unknown fields of JSON patch operations)
/// that the handler reports together with those of the patched object.
/// </summary>
public sealed record PatchResult(JsonNode Object, IReadOnlyList<string> StrictErrors);
