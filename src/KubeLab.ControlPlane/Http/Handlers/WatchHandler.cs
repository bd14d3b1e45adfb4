using System.Globalization;
using System.Text;
using System.Threading.Channels;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// <c>?watch=true</c>: newline-delimited JSON events, flushed one by one. Starts from a resourceVersion
/// (changes after it) or from the current state (synthetic ADDED events); a version older than the
/// history gets the 410 Expired ERROR event. With <c>allowWatchBookmarks</c> a BOOKMARK carries the current
/// resourceVersion about every minute and just before the timeout, timed by the cluster clock.
/// </summary>
public sealed class WatchHandler(Cluster cluster)
{
    /// <summary>kube-apiserver's --min-request-timeout: watches without timeoutSeconds end after about this long.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1800);

    /// <summary>The watch cache's bookmark frequency.</summary>
    private static readonly TimeSpan BookmarkEvery = TimeSpan.FromMinutes(1);

    public async Task Watch(HttpContext http, ResourceScopeTarget target)
    {
        var query = http.Request.Query;
        var options = ReadHandlers.ParseListOptions(query);
        var rv = query["resourceVersion"].ToString();
        var asTable = MediaTypes.WantsTable(http.Request.Headers.Accept);
        var sendInitial = RequestInfo.IsTrue(query["sendInitialEvents"]);
        var bookmarks = RequestInfo.IsTrue(query["allowWatchBookmarks"]);
        // A null item is a bookmark tick.
        var events = Channel.CreateUnbounded<StoreEvent?>(new UnboundedChannelOptions { SingleReader = true });
        var nsPrefix = target.Namespace is null ? "" : target.Namespace + "/";

        var owed = cluster.Api.Backlog;
        var (backlog, subscription) = Start(target, options, rv, sendInitial, events, owed);
        try
        {
            var timeout = long.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            using var timer = new CancellationTokenSource(timeout, cluster.Services.Clock);
            using var _ = timer.Token.Register(cancel.Cancel);
            using var bookmarkTimer = bookmarks ? BookmarkTimer(events, timeout) : null;

            ResponseWriter.Begin(http, 200, MediaTypes.Json);
            // The real server flushes the headers at once: a client whose informer stops before any event
            // (kubectl's delete wait, when the object is already gone) waits for them.
            await http.Response.StartAsync(cancel.Token);
            await http.Response.Body.FlushAsync(cancel.Token);
            var writer = new WatchWriter(http, target, asTable, cluster);
            try
            {
                foreach (var line in backlog) await writer.Write(line, cancel.Token);
                if (backlog is [{ Type: "ERROR" }]) return;
                var waits = http.Features.Get<IStreamWaitFeature>();
                while (true)
                {
                    if (!events.Reader.TryRead(out var change))
                    {
                        waits?.Waiting();
                        try
                        {
                            change = await events.Reader.ReadAsync(cancel.Token);
                        }
                        finally
                        {
                            waits?.Working();
                        }
                    }
                    try
                    {
                        var line = change is null ? WatchLine.Bookmark(target, cluster.Store.Revision) : Translate(change, target.Registry, options, nsPrefix);
                        if (line is not null) await writer.Write(line, cancel.Token);
                    }
                    finally
                    {
                        owed.Settle();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away or the watch timed out: the stream simply ends.
            }
        }
        finally
        {
            subscription.Dispose();
            // With the subscription and the bookmark timer gone, what is still queued will never be written.
            while (events.Reader.TryRead(out _)) owed.Settle();
        }
    }

    /// <summary>Ticks every minute and once two seconds before the watch times out (the cacher's nextBookmarkTime).</summary>
    private IDisposable BookmarkTimer(Channel<StoreEvent?> events, TimeSpan timeout)
    {
        var clock = cluster.Services.Clock;
        var deadline = clock.GetUtcNow() + timeout;
        ITimer? timer = null;
        void Schedule()
        {
            var now = clock.GetUtcNow();
            var next = now + BookmarkEvery;
            var beforeTimeout = deadline - TimeSpan.FromSeconds(2);
            if (beforeTimeout < next) next = beforeTimeout;
            if (next > now) timer!.Change(next - now, Timeout.InfiniteTimeSpan);
        }
        timer = clock.CreateTimer(_ =>
        {
            Enqueue(events, null, cluster.Api.Backlog);
            Schedule();
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Schedule();
        return timer;
    }

    /// <summary>
    /// Under the store lock, so nothing falls between: what to send first (the current state, or the history
    /// after <paramref name="rv"/>, or the 410 when that is gone) and the subscription for what follows.
    /// </summary>
    private (List<WatchLine> Backlog, IDisposable Subscription) Start(ResourceScopeTarget target, ListOptions options, string rv,
        bool sendInitial, Channel<StoreEvent?> events, DeliveryBacklog owed)
    {
        var plural = target.Resource.Plural;
        var nsPrefix = target.Namespace is null ? "" : target.Namespace + "/";
        lock (cluster.Store.Sync)
        {
            List<WatchLine> backlog;
            if (rv is "" or "0" || sendInitial)
            {
                var (items, revision) = cluster.Store.List(plural, nsPrefix);
                backlog = items.Where(i => target.Registry.Matches(i.Object, options)).Select(i => new WatchLine("ADDED", i)).ToList();
                if (sendInitial) backlog.Add(WatchLine.InitialEventsEnd(target, revision));
            }
            else
            {
                if (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                    throw StatusErrors.BadRequest($"invalid resource version: strconv.ParseUint: parsing \"{rv}\": invalid syntax");
                var history = cluster.Store.EventsSince(from);
                if (history is null) return ([WatchLine.Expired(from, cluster.Store.OldestWatchableRevision)], NoSubscription.Instance);
                backlog = history.Where(e => e.Resource == plural).Select(e => Translate(e, target.Registry, options, nsPrefix)).OfType<WatchLine>().ToList();
            }
            var subscription = cluster.Store.Subscribe(e =>
            {
                if (e.Resource == plural) Enqueue(events, e, owed);
            });
            return (backlog, subscription);
        }
    }

    /// <summary>Queues a change (or a bookmark tick) for the stream, owed until the loop has handled it.</summary>
    private static void Enqueue(Channel<StoreEvent?> events, StoreEvent? change, DeliveryBacklog owed)
    {
        owed.Owe();
        if (!events.Writer.TryWrite(change)) owed.Settle();
    }

    /// <summary>How a change looks through this watch's selectors: leaving the selection is a DELETED, entering an ADDED.</summary>
    private static WatchLine? Translate(StoreEvent change, ResourceRegistry registry, ListOptions options, string nsPrefix)
    {
        if (!change.Object.Key.StartsWith(nsPrefix, StringComparison.Ordinal)) return null;
        var now = registry.Matches(change.Object.Object, options);
        var before = change.Previous is not null && registry.Matches(change.Previous.Object, options);
        return change.Type switch
        {
            WatchEventType.Added => now ? new WatchLine("ADDED", change.Object) : null,
            WatchEventType.Deleted => before ? new WatchLine("DELETED", change.Object) : null,
            _ when now && before => new WatchLine("MODIFIED", change.Object),
            _ when now => new WatchLine("ADDED", change.Object),
            _ when before => new WatchLine("DELETED", change.Object),
            _ => null,
        };
    }

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();
        public void Dispose() { }
    }
}

/// <summary>One event of a watch stream, before encoding.</summary>
internal sealed record WatchLine(string Type, StoredObject? Object, object? Other = null)
{
    /// <summary>The watch cache's 410: the version asked for, and the oldest one it can still start from.</summary>
    public static WatchLine Expired(long requested, long oldest) => new("ERROR", null, new Status
    {
        Outcome = "Failure",
        Message = $"too old resource version: {requested} ({oldest})",
        Reason = "Expired",
        Code = 410,
    });

    /// <summary>A progress notice: nothing changed for this watch up to <paramref name="revision"/>.</summary>
    public static WatchLine Bookmark(ResourceScopeTarget target, long revision) => new("BOOKMARK", null, new BookmarkObject
    {
        Kind = target.Resource.Kind,
        ApiVersion = target.Resource.ApiVersion,
        Metadata = new ObjectMeta { ResourceVersion = revision.ToString(CultureInfo.InvariantCulture) },
    });

    public static WatchLine InitialEventsEnd(ResourceScopeTarget target, long revision) => new("BOOKMARK", null, new BookmarkObject
    {
        Kind = target.Resource.Kind,
        ApiVersion = target.Resource.ApiVersion,
        Metadata = new ObjectMeta
        {
            ResourceVersion = revision.ToString(CultureInfo.InvariantCulture),
            Annotations = new() { ["k8s.io/initial-events-end"] = "true" },
        },
    });
}

/// <summary>The object of a BOOKMARK event: only kind, apiVersion and a resourceVersion.</summary>
internal sealed class BookmarkObject : KubeObject;

/// <summary>Encodes watch events as JSON lines, as Tables when asked (column definitions on the first only).</summary>
internal sealed class WatchWriter(HttpContext http, ResourceScopeTarget target, bool asTable, Cluster cluster)
{
    private bool _columnsSent;

    public async Task Write(WatchLine line, CancellationToken cancel)
    {
        var output = new MemoryStream();
        output.Write(Encoding.UTF8.GetBytes($"{{\"type\":\"{line.Type}\",\"object\":"));
        if (line.Object is { } stored)
        {
            if (asTable)
            {
                var table = TableBuilder.Build(target.Resource, [stored], cluster.Services.Clock.GetUtcNow(), includeColumns: !_columnsSent);
                table.Metadata.ResourceVersion = stored.Object.Metadata.ResourceVersion;
                _columnsSent = true;
                output.Write(KubeJson.Serialize(table));
            }
            else output.Write(stored.Json);
        }
        else output.Write(KubeJson.Serialize(line.Other!, line.Other!.GetType()));
        output.Write("}\n"u8);
        await http.Response.Body.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length), cancel);
        await http.Response.Body.FlushAsync(cancel);
    }
}
