using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Admission.Plugins;

/// <summary>
/// The NamespaceLifecycle plugin: no content in a missing or terminating namespace, and the
/// system namespaces can never be deleted.
/// </summary>
public sealed class NamespaceLifecycle(VersionedStore store) : IAdmissionPlugin
{
    public static readonly string[] Immortal = ["default", "kube-system", "kube-public"];

    public string Name => "NamespaceLifecycle";

    public string? Validate(AdmissionAttributes a)
    {
        if (a.Resource.Plural == "namespaces" && a.Resource.Group.Length == 0)
        {
            if (a.Operation == AdmissionOperation.Delete && Immortal.Contains(a.Name))
                throw StatusErrors.Forbidden(a.Resource.GroupResource, a.Name, "this namespace may not be deleted");
            return null;
        }
        if (!a.Resource.Namespaced || a.Namespace is null) return null;

        var ns = store.Get("namespaces", a.Namespace)?.Object as Namespace;
        if (a.Operation != AdmissionOperation.Create) return null;
        if (ns is null) throw StatusErrors.NotFound(new GroupResource("", "namespaces"), a.Namespace);
        if (ns.Status.Phase == "Terminating" || ns.Metadata.DeletionTimestamp is not null)
            throw StatusErrors.Forbidden(a.Resource.GroupResource, a.Name,
                $"unable to create new content in namespace {a.Namespace} because it is being terminated",
                [new StatusCause { Reason = "NamespaceTerminating", Message = $"namespace {a.Namespace} is being terminated", Field = "metadata.namespace" }]);
        return $"namespace {a.Namespace} exists and is Active";
    }
}
