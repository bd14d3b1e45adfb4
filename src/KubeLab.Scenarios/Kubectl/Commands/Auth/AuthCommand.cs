using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization.Protobuf;
using KubeLab.Scenarios.Kubectl.Commands.Create;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Auth;

/// <summary><c>kubectl auth</c>: <c>can-i</c> and <c>whoami</c>.</summary>
internal sealed class AuthCommand : CommandDefinition
{
    public override string Name => "auth";
    public override IReadOnlyList<CommandDefinition> Subcommands { get; } = [new CanICommand(), new WhoAmICommand()];

    public override Task<int> RunAsync(Invocation invocation) =>
        throw KubectlException.Raw("error: an auth subcommand is required (can-i or whoami)\n");

    /// <summary>POSTs a review through the typed clientset (protobuf) and returns the answer.</summary>
    public static async Task<JsonObject> ReviewAsync(Invocation invocation, TypedResource resource, JsonObject review, string caller)
    {
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Post, resource.Path(null))
        {
            Accept = KubeRequest.ProtobufAccept,
            ContentType = KubeRequest.ProtobufContentType,
            Body = ProtobufBody.Encode(review, resource.ClrType),
            Caller = caller,
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()));
        return response.Json();
    }
}
