using System.Text;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Manifests;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// <c>kubectl create -f FILE</c> (and the <c>create KIND</c> generators as subcommands): each object POSTed as JSON
/// with sorted keys and a final newline, <c>?fieldManager=kubectl-create&amp;fieldValidation=Strict</c>.
/// <c>create --raw URI -f FILE</c> POSTs the file as it is.
/// </summary>
internal sealed class CreateCommand : CommandDefinition
{
    public override string Name => "create";

    public override IReadOnlyList<CommandDefinition> Subcommands { get; } =
    [
        new CreateNamespace(), new CreateDeployment(), new CreateConfigMap(), new CreateSecret(), new CreateServiceAccount(),
        new CreateService(), new CreateToken(), new CreateRole(cluster: false), new CreateRole(cluster: true),
        new CreateRoleBinding(cluster: false), new CreateRoleBinding(cluster: true),
    ];

    public override bool NeedsSubcommand => false;

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-create");
        WriteFlags.AddValidate(flags);
        flags.Bool("edit").NotSimulated("edit", "it opens an editor: write the object in a file and create it with -f").Slice("filename", 'f').String("kustomize", 'k').String("raw").Bool("recursive", 'R').Bool("save-config")
            .String("selector", 'l').Bool("windows-line-endings");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (flags.Strings("filename").Count == 0) throw KubectlException.Client("must specify one of -f and -k");
        if (invocation.Args.Count > 0)
            throw WriteFlags.Usage(invocation, $"Unexpected args: [{string.Join(' ', invocation.Args)}]");
        var dryRun = WriteFlags.DryRunOf(flags);
        var validation = WriteFlags.ValidationOf(flags);
        OutputFormat.Parse(flags);
        if (flags.String("raw") is { Length: > 0 } raw)
        {
            if (flags.Bool("edit")) throw KubectlException.Client("--raw and --edit are mutually exclusive");
            RawHttp.ValidateWithFiles(invocation, raw, flags.Strings("filename"), fileRequired: true);
            return await RawHttp.SendAsync(invocation, HttpMethod.Post, raw, flags.Strings("filename")[0]);
        }
        var errors = new List<KubectlError>();
        var count = 0;
        var visitor = new ManifestVisitor(invocation, validation is "Strict" or "Warn");
        await foreach (var info in visitor.VisitAsync(flags.Strings("filename"), errors))
        {
            if (dryRun == DryRun.Client)
            {
                count++;
                invocation.Out(ResultPrinter.Print(invocation, info.Object, WriteFlags.Operation("created", dryRun)));
                continue;
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Post, info.Resource.Path(info.Namespace))
            {
                Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All")
                    .AddIf(flags.String("field-manager").Length > 0, "fieldManager", flags.String("field-manager"))
                    .Add("fieldValidation", validation).Encode(),
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(GoJson.Compact(info.Object) + "\n"),
                Caller = "helper.go:246",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(response.Status()).WithSource("creating", info.Source));
                continue;
            }
            count++;
            invocation.Out(ResultPrinter.Print(invocation, response.Json(), WriteFlags.Operation("created", dryRun)));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        if (count == 0) throw KubectlException.Client("no objects passed to create");
        return 0;
    }
}
