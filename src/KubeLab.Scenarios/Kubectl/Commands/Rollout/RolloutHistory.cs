using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Describe;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>
/// <c>kubectl rollout history deployment/NAME</c>: the deployment's replica sets by revision, with their change causes;
/// <c>--revision=N</c> describes that revision's pod template; <c>-o</c> prints the replica sets themselves.
/// </summary>
internal sealed class RolloutHistory : CommandDefinition
{
    private const string ChangeCauseAnnotation = "kubernetes.io/change-cause";

    public override string Name => "history";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        flags.Int("revision").Slice("filename", 'f').String("kustomize", 'k').Bool("recursive", 'R').String("selector", 'l');
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (invocation.Args.Count == 0 && flags.Strings("filename").Count == 0) throw KubectlException.Client("required resource not specified");
        var revision = flags.Int("revision");
        if (revision < 0) throw KubectlException.Client($"revision must be a positive integer: {revision}");
        var format = OutputFormat.Parse(flags);
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors, flags.String("selector"), all: true, accept: KubeRequest.AnyAccept);
        foreach (var target in targets)
        {
            try
            {
                if (RolloutKinds.Refusal(target.Resource, "history viewer") is { } refusal) throw KubectlException.Client(refusal);
                var history = await ReplicaSetsByRevisionAsync(invocation, target);
                if (!format.IsDefault) PrintReplicaSets(invocation, history, revision);
                else invocation.Out(ResultPrinter.Print(invocation, target.Object, $"{(revision > 0 ? $"with revision #{revision}" : "")}\n{View(history, revision)}"));
            }
            catch (KubectlException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }

    /// <summary>The deployment's replica sets by revision (a later one of the same revision wins, as in Go's map).</summary>
    private static async Task<SortedDictionary<long, JsonObject>> ReplicaSetsByRevisionAsync(Invocation invocation, FetchedObject target)
    {
        var sets = await ReadAsync(invocation, target);
        var history = new SortedDictionary<long, JsonObject>();
        foreach (var replicaSet in sets.All)
            if (DeploymentReplicaSets.Revision(replicaSet) is { } number) history[number] = replicaSet;
        return history;
    }

    /// <summary>
    /// getDeploymentReplicaSets (and the rollbacker's like reading): the deployment read again through the typed
    /// clientset, then its replica sets. The history viewer says "deployment" in its error, the rollbacker "Deployment".
    /// </summary>
    public static async Task<DeploymentReplicaSets> ReadAsync(Invocation invocation, FetchedObject target, string kindWord = "deployment", string caller = "history.go:314")
    {
        var client = new Clientset(invocation);
        JsonObject deployment;
        try
        {
            deployment = await client.GetAsync(target.Path, caller);
        }
        catch (KubectlException e)
        {
            throw KubectlException.Client($"failed to retrieve {kindWord} {target.Name}: {e.Errors[0].Status?.Message ?? e.Errors[0].Message}");
        }
        try
        {
            return await DeploymentReplicaSets.ReadAsync(client, deployment) with { Deployment = deployment };
        }
        catch (KubectlException e)
        {
            throw KubectlException.Client($"failed to retrieve replica sets from deployment {target.Name}: {e.Errors[0].Status?.Message ?? e.Errors[0].Message}");
        }
    }

    /// <summary>DeploymentHistoryViewer.ViewHistory: the revisions and change causes, or one revision's pod template.</summary>
    private static string View(SortedDictionary<long, JsonObject> history, long revision)
    {
        if (history.Count == 0) return "No rollout history found.";
        if (revision > 0)
        {
            if (!history.TryGetValue(revision, out var replicaSet)) throw KubectlException.Client("unable to find the specified revision");
            return Template(replicaSet);
        }
        var w = new PrefixWriter();
        w.Write(0, "REVISION\tCHANGE-CAUSE\n");
        foreach (var (number, replicaSet) in history)
        {
            var cause = (string?)replicaSet["metadata"]?["annotations"]?[ChangeCauseAnnotation];
            w.Write(0, $"{number}\t{(string.IsNullOrEmpty(cause) ? "<none>" : cause)}\n");
        }
        return w.ToString();
    }

    /// <summary>
    /// printTemplate: a revision's pod template, through a prefix writer without a tab writer. The history viewer
    /// shows the replica set's change cause among the template's annotations; undo's dry run does not.
    /// </summary>
    public static string Template(JsonObject replicaSet, bool withChangeCause = true)
    {
        var template = replicaSet["spec"]?["template"]?.DeepClone() as JsonObject ?? [];
        if (withChangeCause && (string?)replicaSet["metadata"]?["annotations"]?[ChangeCauseAnnotation] is { Length: > 0 } cause)
        {
            var metadata = (JsonObject)(template["metadata"] ??= new JsonObject());
            var annotations = (JsonObject)(metadata["annotations"] ??= new JsonObject());
            annotations[ChangeCauseAnnotation] = cause;
        }
        var w = new PrefixWriter(tabbed: false);
        PodTemplateDescriber.Describe(w, template);
        return w.ToString();
    }

    /// <summary>With <c>-o</c>: the replica sets themselves, in revision order, or the one of <c>--revision</c>.</summary>
    private static void PrintReplicaSets(Invocation invocation, SortedDictionary<long, JsonObject> history, long revision)
    {
        if (revision > 0)
        {
            if (!history.TryGetValue(revision, out var replicaSet)) throw KubectlException.Client("unable to find the specified revision");
            invocation.Out(ResultPrinter.Print(invocation, Typed(replicaSet), "", typed: true));
            return;
        }
        foreach (var replicaSet in history.Values) invocation.Out(ResultPrinter.Print(invocation, Typed(replicaSet), "", typed: true));
    }

    /// <summary>A listed item has no kind; the printers' type setter gives it its own, first as in Go's struct.</summary>
    private static JsonObject Typed(JsonObject replicaSet)
    {
        var copy = (JsonObject)replicaSet.DeepClone();
        copy.Remove("kind");
        copy.Remove("apiVersion");
        copy.Insert(0, "kind", "ReplicaSet");
        copy.Insert(1, "apiVersion", "apps/v1");
        return copy;
    }
}
