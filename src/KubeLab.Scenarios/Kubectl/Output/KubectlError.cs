using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>An error kubectl reports: a Status from the server, or a message of its own.</summary>
public sealed record KubectlError
{
    private KubectlError(Status? status, string? message)
    {
        Status = status;
        Message = message;
    }

    /// <summary>The server's Status (kubectl's <c>StatusError</c>); its message is <c>Error()</c>.</summary>
    public Status? Status { get; }

    /// <summary>A client-side error's text (Go's <c>err.Error()</c>).</summary>
    public string? Message { get; }

    public static KubectlError FromStatus(Status status) => new(status, null);

    public static KubectlError Client(string message) => new(null, message);

    /// <summary>
    /// kubectl's <c>AddSourceToErr</c>: errors of file-based create/replace/apply name the file,
    /// <c>error when creating "pod.yaml": …</c>. A Status keeps its reason; only its message changes.
    /// </summary>
    public KubectlError WithSource(string verb, string source)
    {
        if (source.Length == 0) return this;
        var prefix = $"error when {verb} {GoValue.Quote(source)}: ";
        if (Status is null) return Client(prefix + Message);
        return FromStatus(new Status
        {
            Kind = Status.Kind,
            ApiVersion = Status.ApiVersion,
            Metadata = Status.Metadata,
            Outcome = Status.Outcome,
            Message = prefix + Status.Message,
            Reason = Status.Reason,
            Details = Status.Details,
            Code = Status.Code,
        });
    }

    /// <summary>Go's <c>fmt.Errorf("…: %w", err)</c> around this error, as <c>create deployment</c> wraps it.</summary>
    public KubectlError Wrapped(string prefix) => Client(prefix + (Status?.Message ?? Message));
}
