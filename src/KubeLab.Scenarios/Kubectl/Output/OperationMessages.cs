namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>The lines kubectl prints when a write succeeds.</summary>
public static class OperationMessages
{
    /// <summary>
    /// create/apply/replace/label/annotate/patch/scale: <c>pod/nginx created</c>,
    /// <c>deployment.apps/web configured</c>. Operations: created, configured, unchanged,
    /// serverside-applied, replaced, labeled, annotated, patched, "patched (no change)", scaled…
    /// </summary>
    public static string Line(string group, string kind, string name, string operation) =>
        GenericPrinter.ObjectLine(group, kind, name, operation);

    /// <summary>
    /// kubectl delete prints as soon as the DELETE returns, before it waits: <c>pod "nginx" deleted</c>.
    /// With <c>--grace-period=0 --force</c> the line says "force deleted" and a warning goes to stderr first.
    /// </summary>
    public static KubectlOutput Deleted(ResourceKind kind, string name, bool force = false, string? dryRun = null)
    {
        var operation = force ? "force deleted" : "deleted";
        if (dryRun is "client") operation += " (dry run)";
        else if (dryRun is "server") operation += " (server dry run)";
        var prefix = kind.Group.Length == 0 ? kind.Kind.ToLowerInvariant() : $"{kind.Kind.ToLowerInvariant()}.{kind.Group}";
        var stderr = force ? Warning(ForceDeletionWarning) : "";
        return KubectlOutput.Success($"{prefix} \"{name}\" {operation}\n", stderr);
    }

    public const string ForceDeletionWarning =
        "Immediate deletion does not wait for confirmation that the running resource has been terminated. " +
        "The resource may continue to run on the cluster indefinitely.";

    /// <summary>A warning line on stderr, without colour (kubectl colours it only on a terminal).</summary>
    public static string Warning(string text) => $"Warning: {text}\n";
}
