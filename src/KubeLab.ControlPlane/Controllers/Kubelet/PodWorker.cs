using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Controllers.Kubelet.Programs;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>An event the kubelet records about a pod (fieldPath names a container).</summary>
internal sealed record KubeletEvent(string Type, string Reason, string Message, string? FieldPath);

/// <summary>What changed at one instant: the events, the status to report then, and whether the pod may now be removed.</summary>
internal sealed record WorkerBatch(DateTimeOffset At, IReadOnlyList<KubeletEvent> Events, PodStatus Status, bool RemovePod);

/// <summary>
/// The kubelet's pod worker as a discrete-event simulation: sandbox, then each container pulled, created and
/// started in order (init containers to completion first), exits and restarts with back-off, and on deletion
/// the stop signal and the final, terminal status. It only computes; <see cref="Kubelet"/> does the API calls.
/// Steps happen at planned instants, so the outcome does not depend on when the worker is asked to catch up.
/// </summary>
internal sealed partial class PodWorker
{
    private static readonly TimeSpan SandboxTime = TimeSpan.FromMilliseconds(350);
    private static readonly TimeSpan CreateTime = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan StartTime = TimeSpan.FromMilliseconds(70);

    private readonly NodeRuntime _node;
    private readonly Pod _pod;
    private readonly List<ContainerWorker> _init;
    private readonly List<ContainerWorker> _app;
    private readonly PriorityQueue<Step, (DateTimeOffset, long)> _steps = new();
    private readonly DateTimeOffset _accepted;
    private long _order;
    private bool _sandboxReady;
    private bool _stopping;
    private bool _finished;
    private bool _failedInit;
    private DateTimeOffset? _stopSignal;

    public PodWorker(Pod pod, NodeRuntime node, DateTimeOffset accepted)
    {
        _pod = pod;
        _node = node;
        _accepted = accepted;
        _init = (pod.Spec.InitContainers ?? []).Select((c, i) => new ContainerWorker(c, true, i)).ToList();
        _app = (pod.Spec.Containers ?? []).Select((c, i) => new ContainerWorker(c, false, i)).ToList();
        Enqueue(accepted + SandboxTime, StepKind.SandboxReady);
    }

    public string Uid => _pod.Metadata.Uid!;
    public string? PodIp { get; private set; }
    public bool Finished => _finished;

    /// <summary>When the worker next has something to do, if anything.</summary>
    public DateTimeOffset? NextStep => _steps.TryPeek(out var step, out _) ? step.At : null;

    /// <summary>Runs every step due by <paramref name="now"/>; a deletion seen now starts the stop at <paramref name="now"/>.</summary>
    public List<WorkerBatch> Advance(Pod current, DateTimeOffset now)
    {
        var batches = new List<WorkerBatch>();
        while (true)
        {
            while (_steps.TryPeek(out var next, out _) && next.At <= now)
            {
                var events = new List<KubeletEvent>();
                var at = next.At;
                while (_steps.TryPeek(out var step, out _) && step.At == at) Apply(_steps.Dequeue(), events);
                batches.Add(new WorkerBatch(at, events, Status(at), _finished && _stopping));
            }
            if (current.Metadata.DeletionTimestamp is not { } deadline || _stopping) break;
            var events2 = new List<KubeletEvent>();
            BeginStop(now, deadline < now ? now : deadline, events2);
            batches.Add(new WorkerBatch(now, events2, Status(now), _finished && _stopping));
        }
        return batches;
    }

    /// <summary>The first report, before any step: accepted, containers waiting.</summary>
    public WorkerBatch Accepted() => new(_accepted, [], Status(_accepted), false);

    /// <summary>What <c>kubectl logs</c> reads: the running (or last) instance of a container, or the one before it.</summary>
    public LogSource? Logs(string container, bool previous)
    {
        var c = _init.Concat(_app).FirstOrDefault(w => w.Name == container);
        if (c is null) return null;
        if (previous) return Finished(c.Running is not null || c.Waiting is not null ? c.LatestRun : c.PreviousRun);
        if (c.Running is { } running) return new LogSource(c.Program, running.Context, null, null);
        return Finished(c.LatestRun);

        LogSource? Finished(FinishedInstance? run) =>
            run is null ? null : new LogSource(c.Program, run.Run.Context, run.State.FinishedAt, run.SignalAt);
    }

    private void Apply(Step step, List<KubeletEvent> events)
    {
        var c = step.Container;
        switch (step.Kind)
        {
            case StepKind.SandboxReady:
                _sandboxReady = true;
                PodIp = _node.PodIps.Allocate(Uid);
                if ((_init.Count > 0 ? _init[0] : _app.FirstOrDefault()) is { } first) Begin(first, step.At, events);
                break;
            case StepKind.PullDone:
                _node.Images.Add(c!.Image.Resolved);
                var took = GoDuration.Format(step.Pull);
                events.Add(new("Normal", "Pulled", $"Successfully pulled image \"{c.Spec.Image}\" in {took} ({took} including waiting). Image size: {c.Image.Size} bytes.", c.FieldPath));
                Enqueue(step.At + CreateTime, StepKind.Create, c);
                break;
            case StepKind.Create:
                c!.PendingId = "containerd://" + _node.Ids.NewHex(64);
                events.Add(new("Normal", "Created", $"Created container: {c.Name}", c.FieldPath));
                Enqueue(step.At + StartTime, StepKind.Start, c);
                break;
            case StepKind.Start:
                Start(c!, step.At, events);
                break;
            case StepKind.Ready:
                if (c!.Running is not null) c.ReadyAt = step.At;
                break;
            case StepKind.Exit:
                Exited(c!, step.At, step.Code, events);
                break;
            case StepKind.BackOff:
                var delay = Backoff(c!.Exits);
                c.Waiting = new ContainerStateWaiting
                {
                    Reason = "CrashLoopBackOff",
                    Message = $"back-off {GoDuration.Format(delay)} restarting failed container={c.Name} pod={_pod.Metadata.Name}_{_pod.Metadata.Namespace}({Uid})",
                };
                events.Add(new("Warning", "BackOff", $"Back-off restarting failed container {c.Name} in pod {_pod.Metadata.Name}_{_pod.Metadata.Namespace}({Uid})", c.FieldPath));
                break;
            case StepKind.Restart:
                c!.Waiting = null;
                c.RestartPending = false;
                Begin(c, step.At, events);
                break;
            case StepKind.Stopped:
                Terminate(c!, step.At, step.Code);
                break;
            case StepKind.Finish:
                _finished = true;
                _sandboxReady = false;
                break;
        }
    }

    /// <summary>Image first: pull (policy Always, or not present), or note it is present, or refuse (Never).</summary>
    private void Begin(ContainerWorker c, DateTimeOffset at, List<KubeletEvent> events)
    {
        c.Begun = true;
        var present = _node.Images.Contains(c.Image.Resolved);
        var policy = c.Spec.ImagePullPolicy ?? c.Image.DefaultPullPolicy;
        if (policy == "Never" && !present)
        {
            var message = $"Container image \"{c.Spec.Image}\" is not present with pull policy of Never";
            c.Waiting = new ContainerStateWaiting { Reason = "ErrImageNeverPull", Message = message };
            events.Add(new("Warning", "ErrImageNeverPull", message, c.FieldPath));
            if (!c.Init) BeginNextApp(c, at, events);
            return;
        }
        if (policy == "Always" || !present)
        {
            events.Add(new("Normal", "Pulling", $"Pulling image \"{c.Spec.Image}\"", c.FieldPath));
            var duration = KnownImages.PullDuration(c.Image, present);
            Enqueue(at + duration, StepKind.PullDone, c, pull: duration);
            return;
        }
        events.Add(new("Normal", "Pulled", $"Container image \"{c.Spec.Image}\" already present on machine", c.FieldPath));
        Enqueue(at + CreateTime, StepKind.Create, c);
    }

    private void Start(ContainerWorker c, DateTimeOffset at, List<KubeletEvent> events)
    {
        events.Add(new("Normal", "Started", $"Started container {c.Name}", c.FieldPath));
        var context = new ProgramContext(_pod.Metadata.Name!, _pod.Metadata.Namespace!, Uid, PodIp, c.Name, c.Starts, at,
            ContainerEnvironment.Of(c.Spec), _node.Cpus);
        c.Starts++;
        c.Running = new RunningInstance(c.PendingId!, at, context);
        c.ReadyAt = null;
        c.Waiting = null;
        var probeDelay = c.Spec.ReadinessProbe is { } probe
            ? TimeSpan.FromSeconds(Math.Max(1, probe["initialDelaySeconds"]?.GetValue<int>() ?? 0))
            : TimeSpan.Zero;
        if (probeDelay == TimeSpan.Zero) c.ReadyAt = at;
        else Enqueue(at + probeDelay, StepKind.Ready, c);
        if (c.Program.Exit(context) is { } exit)
            Enqueue(at + (exit.After > TimeSpan.Zero ? exit.After : TimeSpan.FromMilliseconds(1)), StepKind.Exit, c, code: exit.ExitCode);
        if (!c.Init) BeginNextApp(c, at, events);
    }

    private void BeginNextApp(ContainerWorker c, DateTimeOffset at, List<KubeletEvent> events)
    {
        if (c.Index + 1 < _app.Count && !_app[c.Index + 1].Begun) Begin(_app[c.Index + 1], at, events);
    }

    private void Exited(ContainerWorker c, DateTimeOffset at, int code, List<KubeletEvent> events)
    {
        Terminate(c, at, code);
        var policy = _pod.Spec.RestartPolicy ?? "Always";
        if (c.Init && code == 0)
        {
            var next = c.Index + 1 < _init.Count ? _init[c.Index + 1] : _app.FirstOrDefault();
            if (next is not null) Begin(next, at, events);
            return;
        }
        var restart = policy == "Always" || (policy == "OnFailure" && code != 0) || (c.Init && policy != "Never" && code != 0);
        if (!restart)
        {
            if (c.Init) _failedInit = true;
            if (_failedInit || _app.All(a => a.Begun && a.Running is null && a.Latest is not null && !a.RestartPending))
                Enqueue(at, StepKind.Finish);
            return;
        }
        c.RestartPending = true;
        if (c.Exits >= 2) Enqueue(at + TimeSpan.FromSeconds(1), StepKind.BackOff, c);
        Enqueue(at + (c.Exits >= 2 ? Backoff(c.Exits) : TimeSpan.FromSeconds(1)), StepKind.Restart, c);
    }

    /// <summary>The kubelet's crash back-off: 10 s after the second exit, doubling, at most 5 minutes.</summary>
    private static TimeSpan Backoff(int exits) => TimeSpan.FromSeconds(Math.Min(300, 10 * Math.Pow(2, Math.Max(0, exits - 2))));


    private void Enqueue(DateTimeOffset at, StepKind kind, ContainerWorker? container = null, int code = 0, TimeSpan pull = default)
    {
        var order = ++_order;
        _steps.Enqueue(new Step(at, kind, container, code, pull), (at, order));
    }

    private enum StepKind { SandboxReady, PullDone, Create, Start, Ready, Exit, BackOff, Restart, Stopped, Finish }

    private sealed record Step(DateTimeOffset At, StepKind Kind, ContainerWorker? Container, int Code, TimeSpan Pull);
}
