using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Config;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Logging;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Kubectl.Commands.Config;

/// <summary>
/// <c>kubectl config view|use-context|set-context|set-credentials|current-context</c>: the learner's kubeconfig read and edited
/// locally (no request). Edits change the environment's kubeconfig, or the file <c>KUBECONFIG</c> or
/// <c>--kubeconfig</c> names.
/// </summary>
internal sealed class ConfigCommand : CommandDefinition
{
    public override string Name => "config";
    public override IReadOnlyList<CommandDefinition> Subcommands { get; } =
        [new ConfigView(), new UseContext(), new SetContext(), new SetCredentials(), new CurrentContext()];

    public override Task<int> RunAsync(Invocation invocation) =>
        throw KubectlException.Raw("error: a config subcommand is required (view, use-context, set-context, set-credentials or current-context)\n");

    /// <summary>Saves an edited kubeconfig where kubectl would write it.</summary>
    public static void Save(Invocation invocation, KubeconfigDocument document)
    {
        var environment = invocation.Environment;
        var path = invocation.Loader.Path;
        if (path == environment.KubeconfigPath)
        {
            environment.Kubeconfig = new Kubeconfig(document.CurrentContext.Length == 0 ? null : document.CurrentContext,
                document.Contexts.Select(c => new KubeconfigContext(c.Name, c.User, c.Namespace.Length == 0 ? null : c.Namespace)).ToList(),
                document.Users.Select(u => new KubeconfigUser(u.Name, u.Token, u.ClusterUser)).ToList());
            return;
        }
        environment.Files[path] = GenericPrinter.Yaml(document.ToJson(raw: true, _ => null));
    }
}

internal sealed class ConfigView : CommandDefinition
{
    public override string Name => "view";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags, defaultOutput: "yaml");
        flags.Bool("flatten").Bool("merge", value: true).Bool("minify").Bool("raw");
    }

    public override Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var document = invocation.Loader.Document();
        if (flags.Bool("minify"))
        {
            var name = invocation.Loader.ContextName(document);
            var context = document.Context(name) ?? throw KubectlException.Client(name.Length == 0 ? "current-context must exist in order to minify" : $"cannot locate context {name}");
            // client-go's MinifyConfig: the context's cluster and user must be there when it names them.
            if (context.Cluster.Length > 0 && document.Cluster(context.Cluster) is null) throw KubectlException.Client($"cannot locate cluster {context.Cluster}");
            if (context.User.Length > 0 && document.User(context.User) is null) throw KubectlException.Client($"cannot locate user {context.User}");
            document = new KubeconfigDocument(name, document.Clusters.Where(c => c.Name == context.Cluster).ToList(), [context],
                document.Users.Where(u => u.Name == context.User).ToList());
        }
        var json = document.ToJson(flags.Bool("raw") || flags.Bool("flatten"), user =>
            invocation.Environment.Certificates.TryGetValue(user, out var certificate)
                ? (certificate.ExportCertificatePem(), certificate.GetECDsaPrivateKey()?.ExportPkcs8PrivateKeyPem() ?? certificate.GetRSAPrivateKey()?.ExportPkcs8PrivateKeyPem() ?? "")
                : null);
        var format = OutputFormat.Parse(flags);
        invocation.Out(format.Name == "json"
            ? GoIndent.Indent(json.ToJsonString(ControlPlane.Serialization.KubeJson.Options), "    ") + "\n"
            : format.Print(json, flags));
        return Task.FromResult(0);
    }
}

internal sealed class UseContext : CommandDefinition
{
    public override string Name => "use-context";
    public override IReadOnlyList<string> Aliases => ["use"];

    public override Task<int> RunAsync(Invocation invocation)
    {
        if (invocation.Args.Count != 1) throw WriteFlags.Usage(invocation, "Unexpected args: [" + string.Join(' ', invocation.Args) + "]");
        var name = invocation.Args[0];
        var document = invocation.Loader.Document();
        if (document.Context(name) is null) throw KubectlException.Client($"no context exists with the name: {GoValue.Quote(name)}");
        ConfigCommand.Save(invocation, document with { CurrentContext = name });
        invocation.Out($"Switched to context {GoValue.Quote(name)}.\n");
        return Task.FromResult(0);
    }
}

internal sealed class SetContext : CommandDefinition
{
    public override string Name => "set-context";

    public override void AddFlags(FlagSet flags) => flags.String("cluster").Bool("current").String("namespace").String("user");

    public override Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var document = invocation.Loader.Document();
        string name;
        if (flags.Bool("current"))
        {
            if (invocation.Args.Count > 0) throw KubectlException.Client("you cannot specify both a context name and --current");
            name = document.CurrentContext;
            if (name.Length == 0) throw KubectlException.Client("no current context is set");
        }
        else if (invocation.Args.Count == 1) name = invocation.Args[0];
        else throw WriteFlags.Usage(invocation, "you must specify a non-empty context name or --current");
        var existing = document.Context(name);
        var context = existing ?? new NamedContext(name, "", "", "");
        if (flags.Changed("cluster")) context = context with { Cluster = flags.String("cluster") };
        if (flags.Changed("user")) context = context with { User = flags.String("user") };
        if (flags.Changed("namespace")) context = context with { Namespace = flags.String("namespace") };
        var contexts = document.Contexts.Where(c => c.Name != name).Append(context).ToList();
        ConfigCommand.Save(invocation, document with { Contexts = contexts });
        invocation.Out($"Context {GoValue.Quote(name)} {(existing is null ? "created" : "modified")}.\n");
        return Task.FromResult(0);
    }
}

internal sealed class CurrentContext : CommandDefinition
{
    public override string Name => "current-context";

    public override Task<int> RunAsync(Invocation invocation)
    {
        var document = invocation.Loader.Document();
        if (document.CurrentContext.Length == 0) throw KubectlException.Client("current-context is not set");
        invocation.Out(document.CurrentContext + "\n");
        return Task.FromResult(0);
    }
}
