using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Storage;
using KubeLab.Scenarios.Clients;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>
/// A watch on one object that a command waits on (delete's wait, <c>wait --for</c>, <c>rollout status</c>), read so a
/// lesson neither hangs nor races: while the store holds changes of the object the stream has not delivered yet, the
/// next line is awaited (it will come); when it holds none, the environment is asked to let the cluster move on
/// (<see cref="ClientEnvironment.AwaitProgress"/>), and when nothing can move any more, or the cluster's clock reaches the
/// client's deadline, the wait ends as a timeout would.
/// </summary>
internal sealed class SettlingWatch : IDisposable
{
    private readonly ClientEnvironment environment;
    private readonly StreamReader reader;
    private readonly KubeStream stream;
    private readonly IDisposable subscription;
    private readonly Lock sync = new();
    private int committed;
    private int delivered;
    private Task<string?>? pending;
    private readonly DateTimeOffset? deadline;

    /// <param name="resource">The store's name for the resource (its plural).</param>
    /// <param name="key">The object's store key: <c>namespace/name</c>, or <c>name</c> for a cluster-scoped one.</param>
    /// <param name="fromRevision">The resourceVersion the watch started from: later changes are what it will deliver.</param>
    /// <param name="deadline">When the client gives up (its <c>--timeout</c>), on the cluster's clock; null: never.</param>
    public SettlingWatch(ClientEnvironment environment, KubeStream stream, string resource, string key, long fromRevision, DateTimeOffset? deadline = null)
    {
        this.environment = environment;
        this.deadline = deadline;
        this.stream = stream;
        reader = new StreamReader(stream.Body);
        var store = environment.Cluster.Store;
        bool Relevant(StoreEvent e) => e.Resource == resource && e.Object.Key == key && e.Revision > fromRevision;
        lock (store.Sync)
        {
            committed = store.EventsSince(fromRevision)?.Count(Relevant) ?? 0;
            subscription = store.Subscribe(e =>
            {
                if (Relevant(e)) lock (sync) committed++;
            });
        }
    }

    /// <summary>The next event (<c>{"type":…,"object":…}</c>), or null when the stream ended or nothing more can happen.</summary>
    public async Task<JsonObject?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            pending ??= reader.ReadLineAsync(cancellationToken).AsTask();
            bool due;
            lock (sync) due = delivered < committed;
            if (!due && !pending.IsCompleted)
            {
                // Let in-flight writes reach the stream before deciding that nothing is coming.
                await Task.Yield();
                if (!pending.IsCompleted && (PastDeadline || !await environment.AwaitProgress(cancellationToken)))
                {
                    lock (sync) due = delivered < committed;
                    if (!due && !pending.IsCompleted) return null;
                }
                lock (sync) due = delivered < committed;
                if (!due && !pending.IsCompleted) continue;
            }
            var line = await pending;
            pending = null;
            if (line is null) return null;
            if (line.Length == 0) continue;
            if (JsonTree.Parse(System.Text.Encoding.UTF8.GetBytes(line)) is not JsonObject change) continue;
            if ((string?)change["type"] is "ADDED" or "MODIFIED" or "DELETED") lock (sync) delivered++;
            return change;
        }
    }

    private bool PastDeadline => deadline is { } at && environment.Cluster.Services.Clock.GetUtcNow() >= at;

    public void Dispose()
    {
        subscription.Dispose();
        stream.Dispose();
    }
}
