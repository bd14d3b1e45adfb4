using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// The READY, STATUS and RESTARTS cells of a pod, worked out as kube-apiserver's pod printer does:
/// init containers first (<c>Init:1/2</c>, <c>Init:CrashLoopBackOff</c>), then app containers from
/// last to first so the first container's reason wins, then deletion (<c>Terminating</c>).
/// Sidecars (restartable init containers) count towards READY and RESTARTS.
/// </summary>
internal sealed class PodStatusSummary
{
    private int _ready;
    private int _restarts;
    private int _sidecarRestarts;
    private DateTimeOffset? _lastRestart;
    private DateTimeOffset? _lastSidecarRestart;
    private string _reason = "";

    public static (string Ready, string Status, string Restarts) Of(Pod pod, DateTimeOffset now)
    {
        var summary = new PodStatusSummary();
        return summary.Compute(pod, now);
    }

    private (string, string, string) Compute(Pod pod, DateTimeOffset now)
    {
        var status = pod.Status;
        var sidecars = Sidecars(pod.Spec.InitContainers);
        var total = (pod.Spec.Containers?.Count ?? 0) + (pod.Spec.InitContainers ?? []).Count(IsSidecar);

        _reason = string.IsNullOrEmpty(status.Reason) ? status.Phase ?? "" : status.Reason;
        if (status.Conditions?.Any(c => c.Type == "PodScheduled" && c.Reason == "SchedulingGated") == true)
            _reason = "SchedulingGated";

        var initializing = ReadInitContainers(status.InitContainerStatuses ?? [], sidecars, pod.Spec.InitContainers?.Count ?? 0);
        if (!initializing || IsInitialized(status))
            ReadContainers(status);

        if (pod.Metadata.DeletionTimestamp is not null && status.Reason == "NodeLost")
            _reason = "Unknown";
        else if (pod.Metadata.DeletionTimestamp is not null && status.Phase is not ("Succeeded" or "Failed"))
            _reason = "Terminating";

        var restarts = _restarts != 0 && !Ages.IsZero(_lastRestart)
            ? $"{_restarts} ({Ages.Since(_lastRestart, now)} ago)"
            : _restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ($"{_ready}/{total}", _reason, restarts);
    }

    /// <summary>Returns whether the pod is still initializing, setting STATUS to the init state if so.</summary>
    private bool ReadInitContainers(List<ContainerStatus> statuses, HashSet<string> sidecars, int initCount)
    {
        for (var i = 0; i < statuses.Count; i++)
        {
            var container = statuses[i];
            var sidecar = sidecars.Contains(container.Name);
            _restarts += container.RestartCount;
            Later(ref _lastRestart, container.LastState.Terminated?.FinishedAt);
            if (sidecar)
            {
                _sidecarRestarts += container.RestartCount;
                Later(ref _lastSidecarRestart, container.LastState.Terminated?.FinishedAt);
            }

            var (waiting, terminated) = (container.State.Waiting, container.State.Terminated);
            if (terminated is { ExitCode: 0 }) continue;
            if (sidecar && container.Started == true)
            {
                if (container.Ready) _ready++;
                continue;
            }

            if (terminated is not null)
                _reason = "Init:" + TerminatedReason(terminated);
            else if (!string.IsNullOrEmpty(waiting?.Reason) && waiting.Reason != "PodInitializing")
                _reason = "Init:" + waiting.Reason;
            else
                _reason = $"Init:{i}/{initCount}";
            return true;
        }
        return false;
    }

    private void ReadContainers(PodStatus status)
    {
        _restarts = _sidecarRestarts;
        _lastRestart = _lastSidecarRestart;
        var hasRunning = false;
        var statuses = status.ContainerStatuses ?? [];
        for (var i = statuses.Count - 1; i >= 0; i--)
        {
            var container = statuses[i];
            _restarts += container.RestartCount;
            Later(ref _lastRestart, container.LastState.Terminated?.FinishedAt);

            var (waiting, terminated) = (container.State.Waiting, container.State.Terminated);
            if (!string.IsNullOrEmpty(waiting?.Reason)) _reason = waiting.Reason;
            else if (terminated is not null) _reason = TerminatedReason(terminated);
            else if (container.Ready && container.State.Running is not null)
            {
                hasRunning = true;
                _ready++;
            }
        }

        // A container that completed while another still runs leaves the pod Running (or NotReady).
        if (_reason == "Completed" && hasRunning)
            _reason = status.Conditions?.Any(c => c is { Type: "Ready", Status: "True" }) == true ? "Running" : "NotReady";
    }

    private static string TerminatedReason(ContainerStateTerminated terminated) =>
        !string.IsNullOrEmpty(terminated.Reason) ? terminated.Reason
        : terminated.Signal is { } signal and not 0 ? $"Signal:{signal}"
        : $"ExitCode:{terminated.ExitCode}";

    private static void Later(ref DateTimeOffset? latest, DateTimeOffset? candidate)
    {
        if (!Ages.IsZero(candidate) && (latest is null || latest < candidate)) latest = candidate;
    }

    /// <summary>Only the first Initialized condition counts, as in the Go helper.</summary>
    private static bool IsInitialized(PodStatus status) =>
        status.Conditions?.FirstOrDefault(c => c.Type == "Initialized") is { Status: "True" };

    private static bool IsSidecar(Container container) => container.RestartPolicy == "Always";

    /// <summary>Names of restartable init containers; a later duplicate name decides, as a Go map would.</summary>
    private static HashSet<string> Sidecars(List<Container>? initContainers)
    {
        var byName = new Dictionary<string, Container>();
        foreach (var container in initContainers ?? []) byName[container.Name] = container;
        return byName.Values.Where(IsSidecar).Select(c => c.Name).ToHashSet();
    }
}
