using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>metav1.NewControllerRef and GetControllerOf: the owner reference that makes an object a controller's.</summary>
public static class ControllerRef
{
    public static OwnerReference For(KubeObject owner) => new()
    {
        ApiVersion = owner.ApiVersion ?? "",
        Kind = owner.Kind ?? "",
        Name = owner.Metadata.Name ?? "",
        Uid = owner.Metadata.Uid ?? "",
        Controller = true,
        BlockOwnerDeletion = true,
    };

    public static OwnerReference? Of(KubeObject obj) => obj.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);

    public static bool IsOwnedBy(KubeObject obj, KubeObject owner) => Of(obj)?.Uid == owner.Metadata.Uid;

    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>ControllerRefManager's adoption patch: this owner as controller; metadata.uid pins the object patched.</summary>
    public static string AdoptPatch(KubeObject owner, KubeObject obj)
    {
        var reference = System.Text.Encoding.UTF8.GetString(Serialization.KubeJson.Serialize(For(owner)));
        return "{\"metadata\":{\"ownerReferences\":[" + reference + "],\"uid\":\"" + obj.Metadata.Uid + "\"}}";
    }

    /// <summary>The release (and the garbage collector's orphaning) patch: drop one owner reference by uid.</summary>
    public static string ReleasePatch(string ownerUid, KubeObject obj) =>
        "{\"metadata\":{\"ownerReferences\":[{\"$patch\":\"delete\",\"uid\":\"" + ownerUid + "\"}],\"uid\":\"" + obj.Metadata.Uid + "\"}}";
}

/// <summary>REST paths of a resource, as a client builds them from discovery.</summary>
public static class ApiPaths
{
    public static string Collection(ResourceDescriptor resource, string? ns) =>
        (resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}")
        + (resource.Namespaced ? $"/namespaces/{ns}" : "") + $"/{resource.Plural}";

    public static string Item(ResourceDescriptor resource, string? ns, string name) => $"{Collection(resource, ns)}/{name}";
}
