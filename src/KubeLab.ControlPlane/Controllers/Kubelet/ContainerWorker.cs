using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Controllers.Kubelet.Programs;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>One container of a pod as the kubelet tracks it across restarts: the running instance and the last two that ended.</summary>
internal sealed class ContainerWorker(Container spec, bool init, int index)
{
    public Container Spec { get; } = spec;
    public bool Init { get; } = init;
    public int Index { get; } = index;
    public string Name => Spec.Name;
    public ImageReference Image { get; } = ImageReference.Parse(spec.Image ?? "");
    public ContainerProgram Program { get; } = ProgramCatalog.For(spec, ImageReference.Parse(spec.Image ?? ""));
    public string FieldPath => Init ? $"spec.initContainers{{{Name}}}" : $"spec.containers{{{Name}}}";

    public bool Begun { get; set; }
    public bool RestartPending { get; set; }
    public int Starts { get; set; }
    public int Exits { get; set; }
    public string? PendingId { get; set; }
    public RunningInstance? Running { get; set; }
    public FinishedInstance? LatestRun { get; set; }
    public FinishedInstance? PreviousRun { get; set; }
    public ContainerStateTerminated? Latest => LatestRun?.State;
    public ContainerStateTerminated? Previous => PreviousRun?.State;
    public DateTimeOffset? ReadyAt { get; set; }
    public ContainerStateWaiting? Waiting { get; set; }

    public bool Succeeded => Running is null && Latest is { ExitCode: 0 } && Waiting is null;

    public int RestartCount => Math.Max(0, Starts - 1);

    /// <summary>The status the kubelet reports for this container at <paramref name="at"/>.</summary>
    public ContainerStatus Status(DateTimeOffset at, bool podInitializing)
    {
        var status = new ContainerStatus
        {
            Name = Name,
            RestartCount = RestartCount,
            Image = Starts > 0 ? Image.Resolved : Spec.Image ?? "",
            ImageID = Starts > 0 ? Image.ImageId : "",
        };
        if (Running is { } running)
        {
            status.State = new ContainerState { Running = new ContainerStateRunning { StartedAt = running.StartedAt } };
            status.LastState = Latest is null ? new ContainerState() : new ContainerState { Terminated = Latest };
            status.ContainerID = running.ContainerId;
            status.Started = true;
            status.Ready = ReadyAt is { } ready && ready <= at;
        }
        else if (Waiting is not null && Latest is not null)
        {
            status.State = new ContainerState { Waiting = Waiting };
            status.LastState = new ContainerState { Terminated = Latest };
            status.ContainerID = Latest.ContainerID;
            status.Started = false;
        }
        else if (Latest is not null)
        {
            status.State = new ContainerState { Terminated = Latest };
            status.LastState = Previous is null ? new ContainerState() : new ContainerState { Terminated = Previous };
            status.ContainerID = Latest.ContainerID;
            status.Started = false;
            status.Ready = false;
        }
        else
        {
            status.State = new ContainerState { Waiting = Waiting ?? new ContainerStateWaiting { Reason = podInitializing ? "PodInitializing" : "ContainerCreating" } };
            status.Started = false;
        }
        return status;
    }
}

internal sealed record RunningInstance(string ContainerId, DateTimeOffset StartedAt, ProgramContext Context);

/// <summary>An instance that ended: its status, and when it got the stop signal if that is why it ended.</summary>
internal sealed record FinishedInstance(RunningInstance Run, ContainerStateTerminated State, DateTimeOffset? SignalAt);
