using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Delete;

/// <summary>An object a command deleted, with the uid the DELETE answered (a new object of the same name is another one).</summary>
internal sealed record DeletedObject(ApiResource Resource, string? Namespace, string Name, string? Uid);

/// <summary>
/// kubectl's <c>cmdwait.IsDeleted</c>: a GET (gone, or another uid, means done); otherwise an informer (a list by
/// <c>metadata.name</c> from resourceVersion 0, then a watch with bookmarks) until the object is DELETED, or the
/// wait's timeout (one for all the objects, from when the wait begins) has passed on the cluster's clock.
/// </summary>
internal sealed class DeletionWait(Invocation invocation, TimeSpan timeout)
{
    private readonly DateTimeOffset deadline = invocation.Environment.Cluster.Services.Clock.GetUtcNow() + timeout;

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

        var informer = new ObjectInformer(invocation);
        var outcome = await informer.UntilAsync(deleted.Resource, deleted.Namespace, deleted.Name, (type, _) => type == "DELETED", stopWhenAbsent: true, deadline);
        return outcome != InformerOutcome.TimedOut;
    }
}
