using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Errors;

/// <summary>A request failed with a Kubernetes Status; the HTTP layer writes it as the response.</summary>
public sealed class ApiException(Status status) : Exception(status.Message)
{
    public Status Status { get; } = status;
    public int Code => Status.Code ?? 500;
}
