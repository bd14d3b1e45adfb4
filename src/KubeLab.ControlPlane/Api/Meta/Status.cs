using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

/// <summary>metav1.Status: the body of every error (and of a few successful deletes).</summary>
public sealed class Status
{
    public string Kind { get; set; } = "Status";
    public string ApiVersion { get; set; } = "v1";
    [EmitEmpty] public ListMeta Metadata { get; set; } = new();
    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [JsonPropertyName("status")] public string? Outcome { get; set; }
    public string? Message { get; set; }
    public string? Reason { get; set; }
    public StatusDetails? Details { get; set; }
    public int? Code { get; set; }
}

public sealed class StatusDetails
{
    public string? Name { get; set; }
    public string? Group { get; set; }
    public string? Kind { get; set; }
    public string? Uid { get; set; }
    public List<StatusCause>? Causes { get; set; }
    public int? RetryAfterSeconds { get; set; }
}

public sealed class StatusCause
{
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public string? Field { get; set; }
}
