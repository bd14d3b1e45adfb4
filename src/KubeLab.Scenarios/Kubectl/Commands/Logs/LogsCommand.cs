using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Logs;

/// <summary>
/// <c>kubectl logs POD [-c CONTAINER] [-f] [-p] [--tail=N] [--timestamps] [--since=D]</c>: the pod first (to pick the
/// container), then its <c>log</c> subresource, copied to stdout as it streams.
/// </summary>
internal sealed class LogsCommand : CommandDefinition
{
    public override string Name => "logs";

    public override void AddFlags(FlagSet flags) =>
        flags.Bool("all-containers").Bool("all-pods").String("container", 'c').Bool("follow", 'f').Bool("ignore-errors")
            .Bool("insecure-skip-tls-verify-backend").Int("limit-bytes").Int("max-log-requests", value: 5).Duration("pod-running-timeout", "20s")
            .Bool("prefix").Bool("previous", 'p').String("selector", 'l').Duration("since").String("since-time").Int("tail", value: -1)
            .Bool("timestamps")
            .NotSimulated("selector", "name a pod (and -c its container)").NotSimulated("all-containers", "name a pod (and -c its container)");

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var args = invocation.Args;
        if (args.Count == 0)
            throw WriteFlags.Usage(invocation, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
        if (args.Count > 2) throw WriteFlags.Usage(invocation, "expected a single argument: POD or TYPE/NAME");
        var (type, name) = args[0].Contains('/') ? (args[0][..args[0].IndexOf('/')], args[0][(args[0].IndexOf('/') + 1)..]) : ("pods", args[0]);
        var container = flags.String("container");
        if (args.Count == 2)
        {
            if (container.Length > 0) throw KubectlException.Client("only one of -c or an inline [CONTAINER] arg is allowed");
            container = args[1];
        }
        var resource = await invocation.Mapper.ResolveAsync(type, invocation.Cancellation);
        if (resource.Plural != "pods") throw KubectlException.Client($"logs of {resource.QualifiedPlural} are not simulated: name a pod");
        var ns = invocation.Namespace;
        var podResponse = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns, name))
        {
            Accept = KubeRequest.AnyAccept,
            Caller = "helper.go:105",
        }, invocation.Cancellation);
        if (!podResponse.IsSuccess)
        {
            var status = podResponse.Status();
            throw KubectlException.Client($"error from server ({status.Reason}): {status.Message} in namespace {GoValue.Quote(ns)}");
        }
        var pod = podResponse.Json();
        if (container.Length == 0) container = DefaultContainer(invocation, pod);

        var query = new GoQuery().Add("container", container)
            .AddIf(flags.Bool("follow"), "follow", "true")
            .AddIf(flags.Bool("insecure-skip-tls-verify-backend"), "insecureSkipTLSVerifyBackend", "true")
            .AddIf(flags.Int("limit-bytes") > 0, "limitBytes", flags.Int("limit-bytes").ToString(CultureInfo.InvariantCulture))
            .AddIf(flags.Bool("previous"), "previous", "true")
            .AddIf(flags.Duration("since") > TimeSpan.Zero, "sinceSeconds", ((long)Math.Ceiling(flags.Duration("since").TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            .AddIf(flags.String("since-time").Length > 0, "sinceTime", flags.String("since-time"))
            .AddIf(flags.Int("tail") >= 0, "tailLines", flags.Int("tail").ToString(CultureInfo.InvariantCulture))
            .AddIf(flags.Bool("timestamps"), "timestamps", "true");
        var request = new KubeRequest(HttpMethod.Get, resource.Path(ns, name, "log"))
        {
            Query = query.Encode(),
            Accept = KubeRequest.AnyAccept,
            Caller = "logs.go:469",
            LogResponseBody = false,
        };
        try
        {
            using var stream = await invocation.Client.OpenAsync(request, invocation.Cancellation);
            if (stream.StatusCode is < 200 or >= 300)
            {
                var body = await ReadAllAsync(stream.Body, invocation.Cancellation);
                if (invocation.Log.V(8)) invocation.Log.Info("interrupt.go:103", "Response Body", ("body", Encoding.UTF8.GetString(body)));
                throw new KubectlException(KubectlError.FromStatus(new KubeResponse(stream.StatusCode, stream.ContentType, body) { Request = request }.Status()));
            }
            var buffer = new byte[8192];
            var decoder = Encoding.UTF8.GetDecoder();
            var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
            int read;
            while ((read = await invocation.Output.WaitOn(stream.Body.ReadAsync(buffer, invocation.Cancellation).AsTask())) > 0)
            {
                var count = decoder.GetChars(buffer, 0, read, chars, 0);
                invocation.Out(new string(chars, 0, count));
            }
            return 0;
        }
        catch (OperationCanceledException) when (invocation.Cancellation.IsCancellationRequested)
        {
            return 1;
        }
    }

    /// <summary>The default-container annotation, else the first container; kubectl says so when there are several.</summary>
    private static string DefaultContainer(Invocation invocation, JsonObject pod)
    {
        static List<string> Names(JsonNode? list) => list?.AsArray().Select(c => (string?)c?["name"] ?? "").ToList() ?? [];
        var containers = Names(pod["spec"]?["containers"]);
        var annotated = (string?)pod["metadata"]?["annotations"]?["kubectl.kubernetes.io/default-container"];
        if (annotated is not null && containers.Contains(annotated)) return annotated;
        var chosen = containers.FirstOrDefault() ?? "";
        if (containers.Count > 1)
        {
            var all = containers.Concat(Names(pod["spec"]?["initContainers"]).Select(n => n + " (init)"))
                .Concat(Names(pod["spec"]?["ephemeralContainers"]).Select(n => n + " (ephem)"));
            invocation.Err($"Defaulted container {GoValue.Quote(chosen)} out of: {string.Join(", ", all)}\n");
        }
        return chosen;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
