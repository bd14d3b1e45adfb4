using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Registry.Core;

/// <summary>The defaults the API server fills into every pod spec, in pods and in pod templates alike.</summary>
public static class PodSpecDefaults
{
    public static void Apply(PodSpec spec)
    {
        spec.RestartPolicy ??= "Always";
        spec.TerminationGracePeriodSeconds ??= 30;
        spec.DnsPolicy ??= "ClusterFirst";
        spec.SecurityContext ??= [];
        spec.SchedulerName ??= "default-scheduler";
        foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers ?? []))
            Apply(container);
    }

    private static void Apply(Container container)
    {
        container.TerminationMessagePath ??= "/dev/termination-log";
        container.TerminationMessagePolicy ??= "File";
        container.ImagePullPolicy ??= PullsAlways(container.Image) ? "Always" : "IfNotPresent";
        foreach (var port in container.Ports ?? []) port.Protocol ??= "TCP";
    }

    /// <summary>Images without a tag, or tagged <c>latest</c>, are pulled every time.</summary>
    private static bool PullsAlways(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Contains('@')) return false;
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.IndexOf(':');
        return colon < 0 || lastSegment[(colon + 1)..] == "latest";
    }
}
