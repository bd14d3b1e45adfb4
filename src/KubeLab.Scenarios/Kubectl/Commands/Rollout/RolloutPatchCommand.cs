using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>
/// <c>rollout pause|resume|restart</c> (set.CalculatePatches): each object fetched, changed by the command, and the
/// change sent as a two-way strategic merge patch with <c>fieldManager=kubectl-rollout</c>. An object the change refuses
/// is an error of its own; the others go on.
/// </summary>
internal abstract class RolloutPatchCommand : CommandDefinition
{
    /// <summary>The success word: <c>paused</c>.</summary>
    protected abstract string Done { get; }

    /// <summary>
    /// Changes the object (a copy) as kubectl's polymorphic helper does, or returns why it cannot
    /// (<c>is already paused</c>, <c>pausing is not supported</c>).
    /// </summary>
    protected abstract string? Change(FetchedObject target, JsonObject copy, Invocation invocation);

    /// <summary>What an empty patch means: a line printed (<c>already paused</c>), or an error (restart's).</summary>
    protected virtual KubectlError? Unchanged(FetchedObject target, out string? operation)
    {
        operation = "already " + Done;
        return null;
    }

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-rollout");
        flags.Slice("filename", 'f').String("kustomize", 'k').Bool("recursive", 'R').String("selector", 'l');
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (invocation.Args.Count == 0 && flags.Strings("filename").Count == 0) throw KubectlException.Client("required resource not specified");
        OutputFormat.Parse(flags);
        var errors = new List<KubectlError>();
        // The builder reads with the typed scheme (its REST client accepts "application/json, */*"); a type alone means all of it.
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors, flags.String("selector"), all: true, accept: KubeRequest.AnyAccept);
        if (targets.Count == 0 && errors.Count == 0)
        {
            invocation.Err($"No resources found in {invocation.Namespace} namespace.\n");
            return 0;
        }
        foreach (var target in targets)
        {
            var modified = (JsonObject)target.Object.DeepClone();
            if (Change(target, modified, invocation) is { } refusal)
            {
                errors.Add(KubectlError.Client($"error: {target.Resource.QualifiedPlural} {GoValue.Quote(target.Name)} {refusal}"));
                continue;
            }
            var patch = TwoWayPatch.Of(target, modified);
            if (patch.Count == 0)
            {
                if (Unchanged(target, out var operation) is { } error) errors.Add(error);
                else invocation.Out(ResultPrinter.Print(invocation, target.Object, operation!));
                continue;
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Path)
            {
                Accept = KubeRequest.AnyAccept,
                Query = new GoQuery().Add("fieldManager", flags.String("field-manager")).Encode(),
                ContentType = "application/strategic-merge-patch+json",
                Body = Encoding.UTF8.GetBytes(GoJson.Compact(patch)),
                Caller = "helper.go:269",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                errors.Add(KubectlError.Client("failed to patch: " + response.Status().Message));
                continue;
            }
            invocation.Out(ResultPrinter.Print(invocation, response.Json(), Done));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }
}
