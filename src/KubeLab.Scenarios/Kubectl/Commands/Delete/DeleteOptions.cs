using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Delete;

/// <summary>delete's flags after kubectl's Complete: <c>--now</c> is a grace period of 1, <c>--force</c> of 0, 0 alone becomes 1.</summary>
internal sealed record DeleteOptions(long GracePeriod, bool Force, string Cascade, DryRun DryRun, bool Wait, bool IgnoreNotFound,
    bool All, bool AllNamespaces, string LabelSelector, string FieldSelector, string Output)
{
    public static DeleteOptions From(Invocation invocation)
    {
        var flags = invocation.Flags;
        var grace = flags.Int("grace-period");
        var force = flags.Bool("force");
        if (flags.Bool("now"))
        {
            if (grace != -1) throw KubectlException.Client("--now and --grace-period cannot be specified together");
            grace = 1;
        }
        if (grace == 0 && !force) grace = 1;
        if (force && grace < 0) grace = 0;
        var selects = flags.Bool("all") || flags.String("selector").Length > 0 || flags.String("field-selector").Length > 0;
        var cascade = flags.String("cascade") switch
        {
            "background" or "true" => "Background",
            "foreground" => "Foreground",
            "orphan" or "false" => "Orphan",
            var other => throw KubectlException.Client($"invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\""),
        };
        return new DeleteOptions(grace, force, cascade, WriteFlags.DryRunOf(flags), flags.Bool("wait"),
            flags.Changed("ignore-not-found") ? flags.Bool("ignore-not-found") : selects,
            flags.Bool("all"), flags.Bool("all-namespaces"), flags.String("selector"), flags.String("field-selector"), flags.String("output"));
    }

    public void Validate(Invocation invocation)
    {
        if (Output.Length > 0 && Output != "name") throw KubectlException.Client($"unexpected -o output mode: {Output}. We only support '-o name'");
        if (All && LabelSelector.Length > 0) throw KubectlException.Client("cannot set --all and --selector at the same time");
        if (All && FieldSelector.Length > 0) throw KubectlException.Client("cannot set --all and --field-selector at the same time");
        if (GracePeriod == 0 && Force) invocation.Err(OperationMessages.Warning(OperationMessages.ForceDeletionWarning));
        else if (GracePeriod > 0 && Force) throw KubectlException.Client("--force and --grace-period greater than 0 cannot be specified together");
    }

    /// <summary>The DeleteOptions body, as Go marshals the struct.</summary>
    public string Body()
    {
        var parts = new List<string>();
        if (GracePeriod >= 0) parts.Add($"\"gracePeriodSeconds\":{GracePeriod}");
        parts.Add($"\"propagationPolicy\":\"{Cascade}\"");
        if (DryRun == DryRun.Server) parts.Add("\"dryRun\":[\"All\"]");
        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>What delete prints for one object as soon as it is deleted.</summary>
    public string Line(ApiResource resource, string name)
    {
        var kind = resource.Group.Length == 0 ? resource.Kind.ToLowerInvariant() : $"{resource.Kind.ToLowerInvariant()}.{resource.Group}";
        if (Output == "name") return $"{kind}/{name}\n";
        var operation = WriteFlags.Operation(GracePeriod == 0 ? "force deleted" : "deleted", DryRun);
        return $"{kind} \"{name}\" {operation}\n";
    }
}
