using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// <c>kubectl create token SERVICEACCOUNT [--duration=…] [--audience=…]</c>: a TokenRequest on the service account's
/// <c>token</c> subresource; prints the token.
/// </summary>
internal sealed class CreateToken : CommandDefinition
{
    public override string Name => "token";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        flags.Slice("audience").String("bound-object-kind").String("bound-object-name").String("bound-object-uid").Duration("duration");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var name = WriteFlags.SingleName(invocation);
        var flags = invocation.Flags;
        var duration = flags.Duration("duration");
        if (duration < TimeSpan.Zero) throw KubectlException.Client("--duration must be greater than or equal to 0");
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0) throw KubectlException.Client("--duration cannot be expressed in units less than seconds");
        var spec = new JsonObject();
        if (flags.Strings("audience").Count > 0) spec["audiences"] = new JsonArray(flags.Strings("audience").Select(a => (JsonNode?)a).ToArray());
        if (duration > TimeSpan.Zero) spec["expirationSeconds"] = (long)duration.TotalSeconds;
        var request = new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["token"] = "", ["expirationTimestamp"] = null },
        };
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Post, TypedResource.ServiceAccounts.Path(invocation.Namespace, name, "token"))
        {
            Accept = KubeRequest.ProtobufAccept,
            ContentType = KubeRequest.ProtobufContentType,
            Body = ControlPlane.Serialization.Protobuf.ProtobufBody.Encode(request, TypedResource.TokenRequests.ClrType),
            Caller = "serviceaccount.go:87",
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw new KubectlException(Output.KubectlError.FromStatus(response.Status()).Wrapped("failed to create token: "));
        var token = response.Json();
        var format = OutputFormat.Parse(flags);
        invocation.Out(format.IsDefault ? $"{(string?)token["status"]?["token"]}\n" : ResultPrinter.Print(invocation, token, "created", typed: true));
        return 0;
    }
}
