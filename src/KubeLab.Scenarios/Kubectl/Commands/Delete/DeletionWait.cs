using System.Globalization;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Delete;

/// <summary>An object a command deleted, with the uid the DELETE answered (a new object of the same name is another one).</summary>
internal sealed record DeletedObject(ApiResource Resource, string? Namespace, string Name, string? Uid);

/// <summary>
/// kubectl's <c>cmdwait.IsDeleted</c>: a GET (gone, or another uid, means done); otherwise an informer (a list by
/// <c>metadata.name</c> from resourceVersion 0, then a watch with bookmarks) until the object is DELETED.
/// </summary>
internal sealed class DeletionWait(Invocation invocation)
{
    private const string Reflector = "k8s.io/client-go/tools/watch/informerwatcher.go:162";

    /// <returns>False when the cluster cannot make the object go (kubectl would wait out its timeout).</returns>
    public async Task<bool> WaitAsync(DeletedObject deleted)
    {
        var client = invocation.Client;
        var cancel = invocation.Cancellation;
        var path = deleted.Resource.Path(deleted.Namespace, deleted.Name);
        var current = await client.SendAsync(new KubeRequest(HttpMethod.Get, path) { Caller = "simple.go:247" }, cancel);
        if (current.StatusCode == 404) return true;
        if (!current.IsSuccess) throw new KubectlException(KubectlError.FromStatus(current.Status()));
        if (deleted.Uid is { } uid && (string?)current.Json()["metadata"]?["uid"] != uid) return true;

        var log = invocation.Log;
        if (log.V(3))
        {
            log.Info("reflector.go:357", "Starting reflector", ("type", "*unstructured.Unstructured"), ("resyncPeriod", "0s"), ("reflector", Reflector));
            log.Info("reflector.go:403", "Listing and watching", ("type", "*unstructured.Unstructured"), ("reflector", Reflector));
        }
        var selector = $"metadata.name={deleted.Name}";
        var list = await client.SendAsync(new KubeRequest(HttpMethod.Get, deleted.Resource.Path(deleted.Namespace))
        {
            Query = new GoQuery().Add("fieldSelector", selector).Add("limit", "500").Add("resourceVersion", "0").Encode(),
            Caller = "simple.go:280",
        }, cancel);
        if (!list.IsSuccess) throw new KubectlException(KubectlError.FromStatus(list.Status()));
        if (log.V(2)) log.Info("reflector.go:430", "Caches populated", ("type", "*unstructured.Unstructured"), ("reflector", Reflector));
        var listed = list.Json();
        var resourceVersion = (string?)listed["metadata"]?["resourceVersion"] ?? "0";
        var present = listed["items"]?.AsArray().Count > 0;

        // The informer's watch goes out whatever the list showed; the precondition may end the wait at once.
        var timeout = 300 + invocation.Environment.Ids.NextProcessId() % 300;
        using var stream = await client.OpenAsync(new KubeRequest(HttpMethod.Get, deleted.Resource.Path(deleted.Namespace))
        {
            Query = new GoQuery().Add("allowWatchBookmarks", "true").Add("fieldSelector", selector).Add("resourceVersion", resourceVersion)
                .Add("timeoutSeconds", timeout.ToString(CultureInfo.InvariantCulture)).Add("watch", "true").Encode(),
            Caller = "request.go:759",
        }, cancel);
        var gone = !present;
        if (!gone)
        {
            var key = deleted.Namespace is null ? deleted.Name : $"{deleted.Namespace}/{deleted.Name}";
            using var watch = new SettlingWatch(invocation.Environment, stream, deleted.Resource.Plural, key,
                long.Parse(resourceVersion, CultureInfo.InvariantCulture));
            while (await watch.NextAsync(cancel) is { } change)
            {
                if ((string?)change["type"] != "DELETED") continue;
                gone = true;
                break;
            }
        }
        if (log.V(3)) log.Info("reflector.go:363", "Stopping reflector", ("type", "*unstructured.Unstructured"), ("resyncPeriod", "0s"), ("reflector", Reflector));
        if (log.V(5))
        {
            var port = 40000 + invocation.Environment.Ids.NextProcessId() % 20000;
            log.Info("streamwatcher.go:123", "Unable to decode an event from the watch stream",
                ("err", $"read tcp 127.0.0.1:{port}->{client.Config.HostPort}: use of closed network connection"));
        }
        return gone;
    }
}
