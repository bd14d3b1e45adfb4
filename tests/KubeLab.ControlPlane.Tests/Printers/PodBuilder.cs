using KubeLab.ControlPlane.Api.Core;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

/// <summary>Small pods and container statuses for the pod printer tests.</summary>
internal static class PodBuilder
{
    public static Pod Pod(string phase, params ContainerStatus[] statuses) => new()
    {
        Metadata = Meta("web", TimeSpan.FromMinutes(5)),
        Spec = new PodSpec { Containers = statuses.Select(s => new Container { Name = s.Name }).ToList() },
        Status = new PodStatus { Phase = phase, ContainerStatuses = [.. statuses] },
    };

    public static ContainerStatus Running(string name = "app", bool ready = true) =>
        new() { Name = name, Ready = ready, State = new ContainerState { Running = new ContainerStateRunning { StartedAt = Now } } };

    public static ContainerStatus Waiting(string name, string? reason) =>
        new() { Name = name, State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason } } };

    public static ContainerStatus Terminated(string name, int exitCode, string? reason = null, int? signal = null) =>
        new() { Name = name, State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exitCode, Reason = reason, Signal = signal } } };

    public static ContainerStatus Restarted(this ContainerStatus status, int count, TimeSpan? ago)
    {
        status.RestartCount = count;
        if (ago is { } elapsed) status.LastState = new ContainerState { Terminated = new ContainerStateTerminated { FinishedAt = Now - elapsed } };
        return status;
    }

    public static Pod WithInit(this Pod pod, int specCount, params ContainerStatus[] statuses)
    {
        pod.Spec.InitContainers = Enumerable.Range(0, specCount).Select(i => new Container { Name = $"init{i}" }).ToList();
        pod.Status.InitContainerStatuses = [.. statuses];
        return pod;
    }

    public static Pod WithCondition(this Pod pod, string type, string status, string? reason = null)
    {
        (pod.Status.Conditions ??= []).Add(new PodCondition { Type = type, Status = status, Reason = reason });
        return pod;
    }

    /// <summary>READY, STATUS and RESTARTS as one string, e.g. <c>1/1 Running 0</c>.</summary>
    public static string Summary(Pod pod)
    {
        var cells = KubeLab.ControlPlane.Printers.PodTableConvertor.Instance.Cells(pod, Now);
        return $"{cells[1]} {cells[2]} {cells[3]}";
    }
}
