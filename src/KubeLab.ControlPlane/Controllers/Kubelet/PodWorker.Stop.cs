using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

internal sealed partial class PodWorker
{
    /// <summary>
    /// Deletion: every running container gets its stop signal (Killing event) and exits as its program
    /// reacts, or is killed (137) at the deadline; then the pod's final status, and it may be removed.
    /// </summary>
    private void BeginStop(DateTimeOffset now, DateTimeOffset deadline, List<KubeletEvent> events)
    {
        _stopping = true;
        _stopSignal = now;
        _steps.Clear();
        var last = now;
        foreach (var c in _init.Concat(_app))
        {
            c.Waiting = null;
            if (c.Running is not { } running) continue;
            events.Add(new("Normal", "Killing", $"Stopping container {c.Name}", c.FieldPath));
            var reaction = c.Program.OnStop(running.Context, now);
            var (at, code) = reaction is not null && now + reaction.After < deadline ? (now + reaction.After, reaction.ExitCode) : (deadline, 137);
            Enqueue(at, StepKind.Stopped, c, code: code);
            if (at > last) last = at;
        }
        Enqueue(last, StepKind.Finish);
    }

    /// <summary>An instance ends: it becomes the latest terminated one, and the one before it the previous.</summary>
    private void Terminate(ContainerWorker c, DateTimeOffset at, int code)
    {
        if (c.Running is not { } running) return;
        c.PreviousRun = c.LatestRun;
        c.LatestRun = new FinishedInstance(running, new ContainerStateTerminated
        {
            ExitCode = code,
            Reason = code == 0 ? "Completed" : "Error",
            StartedAt = running.StartedAt,
            FinishedAt = at,
            ContainerID = running.ContainerId,
        }, _stopping ? _stopSignal : null);
        c.Running = null;
        c.ReadyAt = null;
        c.Exits++;
    }
}
