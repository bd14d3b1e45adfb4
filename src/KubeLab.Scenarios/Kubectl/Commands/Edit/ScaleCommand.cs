using System.Globalization;
using System.Text;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Edit;

/// <summary><c>kubectl scale TYPE NAME --replicas=N</c>: GET, then a merge patch of the <c>scale</c> subresource.</summary>
internal sealed class ScaleCommand : CommandDefinition
{
    public override string Name => "scale";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        flags.Bool("all").Int("current-replicas", value: -1).Slice("filename", 'f').String("kustomize", 'k').Bool("recursive", 'R')
            .Int("replicas").String("resource-version").String("selector", 'l').Duration("timeout");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (!flags.Changed("replicas")) throw KubectlException.Client("required flag(s) \"replicas\" not set");
        var replicas = flags.Int("replicas");
        if (replicas < 0) throw KubectlException.Client("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
        var dryRun = WriteFlags.DryRunOf(flags);
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors, flags.String("selector"), flags.Bool("all"));
        if (targets.Count == 0)
            throw KubectlException.Client("no objects passed to scale" + (errors.Count > 0 ? " " + (errors[0].Status?.Message ?? errors[0].Message) : ""));
        foreach (var target in targets)
        {
            if (dryRun != DryRun.Client)
            {
                var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Resource.Path(target.Namespace, target.Name, "scale"))
                {
                    Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Encode(),
                    Accept = KubeRequest.AnyAccept,
                    ContentType = "application/merge-patch+json",
                    Body = Encoding.UTF8.GetBytes($"{{\"spec\":{{\"replicas\":{replicas.ToString(CultureInfo.InvariantCulture)}}}}}"),
                    Caller = "client.go:232",
                }, invocation.Cancellation);
                if (!response.IsSuccess)
                {
                    errors.Add(KubectlError.FromStatus(response.Status()));
                    continue;
                }
            }
            invocation.Out(ResultPrinter.Print(invocation, target.Object, WriteFlags.Operation("scaled", dryRun)));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }
}
