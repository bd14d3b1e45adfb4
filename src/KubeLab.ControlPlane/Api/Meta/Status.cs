using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

/// <summary>metav1.Status: the body of every error (and of a few successful deletes).</summary>
public sealed class Status
{
    public string Kind { get; set; } = "Status";
    public string ApiVersion { get; set; } = "v1";
    [EmitEmpty, Proto(1)] public ListMeta Metadata { get; set; } = new();
    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [Proto(2), JsonPropertyName("status")] public string? Outcome { get; set; }
    [Proto(3)] public string? Message { get; set; }
    [Proto(4)] public string? Reason { get; set; }
    [Proto(5)] public StatusDetails? Details { get; set; }
    [Proto(6)] public int? Code { get; set; }
}

public sealed class StatusDetails
{
    [Proto(1)] public string? Name { get; set; }
    [Proto(2)] public string? Group { get; set; }
    [Proto(3)] public string? Kind { get; set; }
    [Proto(6)] public string? Uid { get; set; }
    [Proto(4)] public List<StatusCause>? Causes { get; set; }
    [Proto(5)] public int? RetryAfterSeconds { get; set; }
}

public sealed class StatusCause
{
    [Proto(1)] public string? Reason { get; set; }
    [Proto(2)] public string? Message { get; set; }
    [Proto(3)] public string? Field { get; set; }
}
