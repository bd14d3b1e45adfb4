using System.Globalization;
using System.Text;
using System.Threading.Channels;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Controllers.Kubelet;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Core;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// <c>GET pods/{name}/log</c>: the apiserver's part (options, container choice, the node) and then the
/// kubelet's (the container's state, its log): plain text, chunked and flushed per line when followed,
/// ending when the container stops or the pod goes.
/// </summary>
public sealed class PodLogHandler(Cluster cluster)
{
    public async Task Get(HttpContext http, ResourceScopeTarget target)
    {
        var name = target.Name!;
        var options = PodLogOptions.Parse(http.Request.Query, name);
        var pod = (Pod)target.Registry.Get(target.Namespace, name, http.Api().RegistryContext(http)).Object;
        var container = ChooseContainer(pod, options.Container);
        if (string.IsNullOrEmpty(pod.Spec.NodeName))
        {
            // An unscheduled pod has no log location: the apiserver streams nothing.
            ResponseWriter.Begin(http, 200, "text/plain");
            return;
        }
        CheckContainerState(pod, container, options.Previous);
        var kubelet = cluster.Kubelet(pod.Spec.NodeName);
        var source = kubelet?.Logs(pod.Metadata.Namespace!, name, container, options.Previous);

        ResponseWriter.Begin(http, 200, "text/plain");
        await http.Response.StartAsync(http.RequestAborted);
        if (source is null) return;
        var writer = new LogWriter(http, options, cluster.Services.Clock.GetUtcNow());
        var lines = source.Read(cluster.Services.Clock.GetUtcNow());
        var selected = options.TailLines is { } tail ? lines.Skip(Math.Max(0, lines.Count - (int)Math.Min(tail, int.MaxValue))).ToList() : lines;
        if (!await writer.Write(selected, http.RequestAborted) || !options.Follow || options.Previous || source.FinishedAt is not null) return;
        await Follow(http, writer, kubelet!, pod, container, source, lines.Count);
    }

    /// <summary>Streams lines as the instance writes them, until it ends, the pod goes or the client hangs up.</summary>
    private async Task Follow(HttpContext http, LogWriter writer, Kubelet kubelet, Pod pod, string container, LogSource source, int written)
    {
        // Each wake is owed to the client until the pass it started has written what it found.
        var owed = cluster.Api.Backlog;
        var waits = http.Features.Get<IStreamWaitFeature>();
        var wake = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });
        void Wake()
        {
            owed.Owe();
            if (!wake.Writer.TryWrite(true)) owed.Settle();
        }
        var clock = cluster.Services.Clock;
        // The line is due at its own instant, not at the one this pass read plus however long the pass took.
        ITimer? WakeAt(DateTimeOffset due)
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) return clock.CreateTimer(_ => Wake(), null, wait, Timeout.InfiniteTimeSpan);
            Wake();
            return null;
        }
        var key = $"{pod.Metadata.Namespace}/{pod.Metadata.Name}";
        var subscription = cluster.Store.Subscribe(change =>
        {
            if (change.Resource == "pods" && change.Object.Key == key) Wake();
        });
        var instance = source.Context.RestartCount;
        var woken = 0;
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var current = kubelet.Logs(pod.Metadata.Namespace!, pod.Metadata.Name!, container, previous: false);
                if (current is not null && current.Context.RestartCount != instance)
                    current = kubelet.Logs(pod.Metadata.Namespace!, pod.Metadata.Name!, container, previous: true);
                if (current is null || current.Context.RestartCount != instance) return;
                var lines = current.Read(now);
                if (lines.Count > written && !await writer.Write(lines.Skip(written).ToList(), http.RequestAborted)) return;
                written = Math.Max(written, lines.Count);
                if (current.FinishedAt is not null) return;
                using var timer = current.NextLineAfter(now) is { } next ? WakeAt(next) : null;
                // Only now, with the next line's wake set, is the pass done: until then a clear backlog would let a
                // lesson clock run past that line.
                owed.Settle(woken);
                woken = 0;
                waits?.Waiting();
                try
                {
                    await wake.Reader.ReadAsync(http.RequestAborted);
                }
                finally
                {
                    waits?.Working();
                }
                for (woken = 1; wake.Reader.TryRead(out _); woken++) { }
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped following.
        }
        finally
        {
            subscription.Dispose();
            owed.Settle(woken);
            while (wake.Reader.TryRead(out _)) owed.Settle();
        }
    }

    /// <summary>pod.ValidateContainer: the named container, or the only one; several need a name.</summary>
    private static string ChooseContainer(Pod pod, string? requested)
    {
        var all = (pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers ?? []).Select(c => c.Name)
            .Concat((pod.Spec.EphemeralContainers ?? []).Select(e => e["name"]?.GetValue<string>() ?? "")).ToList();
        if (requested is not null)
            return all.Contains(requested) ? requested : throw StatusErrors.BadRequest($"container {requested} is not valid for pod {pod.Metadata.Name}");
        return (pod.Spec.Containers ?? []).Count switch
        {
            1 => pod.Spec.Containers![0].Name,
            0 => throw StatusErrors.BadRequest($"pod {pod.Metadata.Name} does not have a container"),
            _ => throw StatusErrors.BadRequest($"a container name must be specified for pod {pod.Metadata.Name}, choose one of: [{string.Join(" ", all)}]"),
        };
    }

    /// <summary>The kubelet's validateContainerLogStatus, with its texts (the apiserver relays them as BadRequest).</summary>
    private static void CheckContainerState(Pod pod, string container, bool previous)
    {
        var podName = pod.Metadata.Name;
        var status = (pod.Status.ContainerStatuses ?? []).Concat(pod.Status.InitContainerStatuses ?? [])
            .Concat(pod.Status.EphemeralContainerStatuses ?? []).FirstOrDefault(s => s.Name == container)
            ?? throw StatusErrors.BadRequest($"container \"{container}\" in pod \"{podName}\" is not available");
        var last = status.LastState.Terminated;
        var (waiting, running, terminated) = (status.State.Waiting, status.State.Running, status.State.Terminated);
        if (previous)
        {
            if (last is null || string.IsNullOrEmpty(last.ContainerID))
                throw StatusErrors.BadRequest($"previous terminated container \"{container}\" in pod \"{podName}\" not found");
            return;
        }
        if (running is not null) return;
        if (terminated is not null)
        {
            if (string.IsNullOrEmpty(terminated.ContainerID) && string.IsNullOrEmpty(last?.ContainerID))
                throw StatusErrors.BadRequest($"container \"{container}\" in pod \"{podName}\" is terminated");
            return;
        }
        if (last is not null)
        {
            if (string.IsNullOrEmpty(last.ContainerID))
                throw StatusErrors.BadRequest($"container \"{container}\" in pod \"{podName}\" is terminated");
            return;
        }
        var reason = waiting?.Reason switch
        {
            null => throw StatusErrors.BadRequest($"container \"{container}\" in pod \"{podName}\" is waiting to start - no logs yet"),
            "ErrImagePull" => "image can't be pulled",
            "ImagePullBackOff" => "trying and failing to pull image",
            var other => other,
        };
        throw StatusErrors.BadRequest($"container \"{container}\" in pod \"{podName}\" is waiting to start: {reason}");
    }

    /// <summary>Writes lines with the options that shape the output: since, timestamps, limitBytes.</summary>
    private sealed class LogWriter(HttpContext http, PodLogOptions options, DateTimeOffset now)
    {
        private readonly DateTimeOffset? _since = options.SinceTime ?? (options.SinceSeconds is { } s ? now.AddSeconds(-s) : null);
        private long _remaining = options.LimitBytes ?? long.MaxValue;

        /// <summary>False once the byte limit is reached (the stream ends there).</summary>
        public async Task<bool> Write(List<(DateTimeOffset At, string Text)> lines, CancellationToken cancellationToken)
        {
            foreach (var (at, text) in lines)
            {
                if (_since is { } since && at < since) continue;
                var line = options.Timestamps ? Timestamp(at) + " " + text : text;
                var bytes = Encoding.UTF8.GetBytes(line);
                var count = (int)Math.Min(bytes.Length, _remaining);
                await http.Response.Body.WriteAsync(bytes.AsMemory(0, count), cancellationToken);
                _remaining -= count;
                if (options.Follow) await http.Response.Body.FlushAsync(cancellationToken);
                if (_remaining <= 0) return false;
            }
            return true;
        }

        /// <summary>The kubelet's fixed-width RFC 3339 with nanoseconds.</summary>
        private static string Timestamp(DateTimeOffset at) =>
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";
    }
}
