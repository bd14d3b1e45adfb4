using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// How a DELETE hands dependents to the garbage collector (the generic store's
/// deletionFinalizersForGarbageCollection): <c>Orphan</c> puts the <c>orphan</c> finalizer on the owner,
/// <c>Foreground</c> puts <c>foregroundDeletion</c>, <c>Background</c> neither. Without a policy in the
/// request, a finalizer already on the object keeps deciding, as on a real cluster.
/// </summary>
public static class DeletionPropagation
{
    public const string OrphanFinalizer = "orphan";
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Sets the two garbage-collection finalizers as <paramref name="options"/> asks; true if they changed.</summary>
    public static bool ApplyFinalizers(ObjectMeta meta, DeleteOptions options)
    {
        var existing = meta.Finalizers ?? [];
        var orphan = ShouldOrphan(existing, options);
        var foreground = ShouldDeleteInForeground(existing, options);
        var wanted = existing.Where(f => f is not (OrphanFinalizer or ForegroundFinalizer)).ToList();
        if (orphan) wanted.Add(OrphanFinalizer);
        if (foreground) wanted.Add(ForegroundFinalizer);
        if (wanted.ToHashSet().SetEquals(existing)) return false;
        meta.Finalizers = wanted.Count == 0 ? null : wanted;
        return true;
    }

    private static bool ShouldOrphan(List<string> finalizers, DeleteOptions options)
    {
        if (options.OrphanDependents is { } orphanDependents) return orphanDependents;
        switch (options.PropagationPolicy)
        {
            case "Orphan": return true;
            case "Background" or "Foreground": return false;
        }
        foreach (var finalizer in finalizers)
        {
            if (finalizer == OrphanFinalizer) return true;
            if (finalizer == ForegroundFinalizer) return false;
        }
        return false;
    }

    private static bool ShouldDeleteInForeground(List<string> finalizers, DeleteOptions options)
    {
        if (options.OrphanDependents is not null) return false;
        switch (options.PropagationPolicy)
        {
            case "Foreground": return true;
            case "Background" or "Orphan": return false;
        }
        foreach (var finalizer in finalizers)
        {
            if (finalizer == ForegroundFinalizer) return true;
            if (finalizer == OrphanFinalizer) return false;
        }
        return false;
    }
}
