using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Run;

/// <summary>
/// <c>kubectl run NAME --image=IMAGE [-- ARGS...]</c>: the Pod kubectl's generator builds, POSTed as JSON in the Go
/// struct's field order (<c>?fieldManager=kubectl-run</c>, no field validation).
/// </summary>
internal sealed class RunCommand : CommandDefinition
{
    public override string Name => "run";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-run");
        flags.Array("annotations").Bool("attach").String("cascade", value: "background").Bool("command").Array("env").Bool("expose")
            .Slice("filename", 'f').Bool("force").Int("grace-period", value: -1).String("image").String("image-pull-policy")
            .String("kustomize", 'k').String("labels", 'l').Bool("leave-stdin-open").String("override-type", value: "merge").String("overrides")
            .Duration("pod-running-timeout", "1m0s").String("port").Bool("privileged").Bool("quiet", 'q').Bool("recursive", 'R')
            .String("restart", value: "Always").Bool("rm").Bool("save-config").Bool("stdin", 'i').Duration("timeout").Bool("tty", 't').Bool("wait");
        foreach (var terminal in new[] { "stdin", "tty", "attach", "rm" }) flags.NotSimulated(terminal, "a lesson has no terminal to attach");
        flags.NotSimulated("expose", "create the service with 'create service' in a step of its own")
            .NotSimulated("overrides", "write the pod in a manifest and create it with -f");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (!flags.Changed("image")) throw KubectlException.Client("required flag(s) \"image\" not set");
        if (invocation.Args.Count == 0) throw WriteFlags.Usage(invocation, "NAME is required for run");
        var name = invocation.Args[0];
        var restart = flags.String("restart") switch
        {
            "Always" or "" => "Always",
            "OnFailure" => "OnFailure",
            "Never" => "Never",
            var other => throw KubectlException.Client($"invalid restart policy: {other}"),
        };
        var dryRun = WriteFlags.DryRunOf(flags);
        var pod = Pod(invocation, name, restart);
        // kubectl maps the Pod kind before it creates (discovery, unless cached).
        await invocation.Discovery.LoadAsync(invocation.Cancellation);
        if (dryRun == DryRun.Client)
        {
            invocation.Out(ResultPrinter.Print(invocation, pod, WriteFlags.Operation("created", dryRun), typed: true));
            return 0;
        }
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Post, $"/api/v1/namespaces/{invocation.Namespace}/pods")
        {
            Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", flags.String("field-manager")).Encode(),
            Accept = KubeRequest.AnyAccept,
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes(pod.ToJsonString(KubeJson.Options) + "\n"),
            Caller = "helper.go:246",
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()));
        invocation.Out(ResultPrinter.Print(invocation, response.Json(), WriteFlags.Operation("created", dryRun), typed: true));
        return 0;
    }

    private static JsonObject Pod(Invocation invocation, string name, string restart)
    {
        var flags = invocation.Flags;
        var labels = new JsonObject();
        if (flags.String("labels") is { Length: > 0 } text)
            foreach (var pair in text.Split(','))
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0) throw KubectlException.Client($"invalid label spec: {pair}");
                labels[pair[..eq]] = pair[(eq + 1)..];
            }
        else labels["run"] = name;
        var metadata = new JsonObject { ["name"] = name, ["creationTimestamp"] = null, ["labels"] = labels };
        if (flags.Strings("annotations").Count > 0)
        {
            var annotations = new JsonObject();
            foreach (var pair in flags.Strings("annotations"))
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0) throw KubectlException.Client($"invalid annotation spec: {pair}");
                annotations[pair[..eq]] = pair[(eq + 1)..];
            }
            metadata["annotations"] = annotations;
        }

        var container = new JsonObject { ["name"] = name, ["image"] = flags.String("image") };
        var args = invocation.Args.Skip(1).Select(a => (JsonNode?)a).ToArray();
        if (args.Length > 0) container[flags.Bool("command") ? "command" : "args"] = new JsonArray(args);
        if (flags.String("port") is { Length: > 0 } port)
        {
            if (!int.TryParse(port, out var number)) throw KubectlException.Client($"strconv.Atoi: parsing {GoValue.Quote(port)}: invalid syntax");
            container["ports"] = new JsonArray(new JsonObject { ["containerPort"] = number });
        }
        if (flags.Strings("env").Count > 0)
        {
            var env = new JsonArray();
            foreach (var pair in flags.Strings("env"))
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0) throw KubectlException.Client($"invalid env: {pair}");
                env.Add(new JsonObject { ["name"] = pair[..eq], ["value"] = pair[(eq + 1)..] });
            }
            container["env"] = env;
        }
        container["resources"] = new JsonObject();
        if (flags.String("image-pull-policy") is { Length: > 0 } pull) container["imagePullPolicy"] = pull;
        if (flags.Bool("privileged")) container["securityContext"] = new JsonObject { ["privileged"] = true };

        return new JsonObject
        {
            ["kind"] = "Pod",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(container), ["restartPolicy"] = restart, ["dnsPolicy"] = "ClusterFirst" },
            ["status"] = new JsonObject(),
        };
    }
}
