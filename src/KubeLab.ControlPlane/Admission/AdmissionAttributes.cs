using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Admission;

public enum AdmissionOperation { Create, Update, Delete, Connect }

/// <summary>What an admission plugin is asked about (apiserver's admission.Attributes).</summary>
public sealed record AdmissionAttributes(
    AdmissionOperation Operation,
    ResourceDescriptor Resource,
    string? Subresource,
    string? Namespace,
    string Name,
    KubeObject? Object,
    KubeObject? OldObject,
    UserInfo User);

/// <summary>A validating admission plugin: it throws an ApiException to refuse.</summary>
public interface IAdmissionPlugin
{
    string Name { get; }
    /// <summary>Returns what it checked, for the trace; throws to refuse.</summary>
    string? Validate(AdmissionAttributes attributes);
}
