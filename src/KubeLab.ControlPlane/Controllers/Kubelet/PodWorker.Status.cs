using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

internal sealed partial class PodWorker
{
    /// <summary>
    /// The pod status the kubelet generates (generateAPIPodStatus): phase by getPhase, the kubelet-owned
    /// conditions in the kubelet's order, host and pod IPs, container statuses. Transition times are
    /// settled by <see cref="PodStatusMerge"/> against the stored status.
    /// </summary>
    private PodStatus Status(DateTimeOffset at)
    {
        var initializing = _init.Any(c => !c.Succeeded) && !_app.Any(c => c.Starts > 0);
        var status = new PodStatus
        {
            Phase = Phase(),
            HostIp = _node.HostIp,
            HostIps = [new PodIP { Ip = _node.HostIp }],
            PodIp = PodIp,
            PodIps = PodIp is null ? null : [new PodIP { Ip = PodIp }],
            StartTime = _accepted,
            InitContainerStatuses = _init.Count == 0 ? null : _init.Select(c => c.Status(at, true)).ToList(),
            ContainerStatuses = _app.Select(c => c.Status(at, initializing && _init.Count > 0)).ToList(),
        };
        status.Conditions =
        [
            new PodCondition { Type = "PodReadyToStartContainers", Status = _sandboxReady ? "True" : "False" },
            Initialized(status.Phase!, initializing),
            Ready("Ready", status.Phase!, status.ContainerStatuses),
            Ready("ContainersReady", status.Phase!, status.ContainerStatuses),
        ];
        return status;
    }

    /// <summary>kubelet's getPhase, the pod being terminal once its worker has finished.</summary>
    private string Phase()
    {
        if (_failedInit) return "Failed";
        if (_init.Any(c => !c.Succeeded) && !_app.Any(c => c.Starts > 0)) return _finished ? "Failed" : "Pending";
        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var c in _app)
        {
            if (c.Running is not null) running++;
            else if (c.Latest is not null)
            {
                stopped++;
                if (c.Latest.ExitCode == 0 && c.Waiting is null) succeeded++;
            }
            else waiting++;
        }
        if (waiting > 0 && !_finished) return "Pending";
        if (running > 0) return "Running";
        if (_finished) return stopped > 0 && stopped == succeeded && waiting == 0 ? "Succeeded" : "Failed";
        if (stopped == 0) return "Pending";
        var policy = _pod.Spec.RestartPolicy ?? "Always";
        if (policy == "Always") return "Running";
        if (stopped == succeeded) return "Succeeded";
        return policy == "Never" ? "Failed" : "Running";
    }

    private PodCondition Initialized(string phase, bool initializing)
    {
        if (phase == "Succeeded") return new PodCondition { Type = "Initialized", Status = "True", Reason = "PodCompleted" };
        if (!initializing) return new PodCondition { Type = "Initialized", Status = "True" };
        var incomplete = _init.Where(c => !c.Succeeded).Select(c => c.Name);
        return new PodCondition
        {
            Type = "Initialized", Status = "False", Reason = "ContainersNotInitialized",
            Message = $"containers with incomplete status: [{string.Join(" ", incomplete)}]",
        };
    }

    /// <summary>status.GenerateContainersReadyCondition, which the Ready condition mirrors (no readiness gates here).</summary>
    private PodCondition Ready(string type, string phase, List<ContainerStatus> statuses)
    {
        if (phase is "Succeeded") return new PodCondition { Type = type, Status = "False", Reason = "PodCompleted" };
        if (phase is "Failed") return new PodCondition { Type = type, Status = "False", Reason = "PodFailed" };
        var unready = (_pod.Spec.Containers ?? []).Select(c => c.Name)
            .Where(name => statuses.FirstOrDefault(s => s.Name == name) is not { Ready: true })
            .ToList();
        return unready.Count == 0
            ? new PodCondition { Type = type, Status = "True" }
            : new PodCondition { Type = type, Status = "False", Reason = "ContainersNotReady", Message = $"containers with unready status: [{string.Join(" ", unready)}]" };
    }
}

/// <summary>What a process sees in its environment from the container spec (literal values; references resolve to nothing here).</summary>
internal static class ContainerEnvironment
{
    public static Dictionary<string, string> Of(Container container)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
            ["KUBERNETES_SERVICE_PORT"] = "443",
        };
        foreach (var variable in container.Env ?? [])
            environment[variable.Name] = variable.Value ?? "";
        return environment;
    }
}
