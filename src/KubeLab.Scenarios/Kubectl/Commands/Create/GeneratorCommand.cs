using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization.Protobuf;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// A <c>kubectl create KIND NAME</c> generator: it builds the Go object from flags and POSTs it through the typed
/// clientset, in protobuf (<c>?fieldManager=kubectl-create&amp;fieldValidation=Strict</c>), then prints the result.
/// </summary>
internal abstract class GeneratorCommand : CommandDefinition
{
    protected abstract TypedResource Resource { get; }

    /// <summary>How the generator wraps a server error (<c>failed to create deployment: </c>); null leaves it as is.</summary>
    protected virtual string? ErrorPrefix => null;

    /// <summary>Flags the generator requires (cobra's MarkFlagRequired).</summary>
    protected virtual IReadOnlyList<string> RequiredFlags => [];

    public sealed override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-create");
        WriteFlags.AddValidate(flags);
        flags.Bool("save-config");
        AddGeneratorFlags(flags);
    }

    protected abstract void AddGeneratorFlags(FlagSet flags);

    /// <summary>The object as the Go generator builds it (its JSON: <c>kind</c>, <c>apiVersion</c>, <c>metadata</c>…).</summary>
    protected abstract Task<JsonObject> BuildAsync(Invocation invocation, string name);

    public override async Task<int> RunAsync(Invocation invocation)
    {
        foreach (var flag in RequiredFlags)
            if (!invocation.Flags.Changed(flag)) throw KubectlException.Client($"required flag(s) \"{flag}\" not set");
        var name = WriteFlags.SingleName(invocation);
        var dryRun = WriteFlags.DryRunOf(invocation.Flags);
        var validation = WriteFlags.ValidationOf(invocation.Flags);
        OutputFormat.Parse(invocation.Flags);
        var obj = await BuildAsync(invocation, name);
        if (dryRun == DryRun.Client)
        {
            invocation.Out(ResultPrinter.Print(invocation, obj, WriteFlags.Operation("created", dryRun), typed: true));
            return 0;
        }
        var created = await PostAsync(invocation, obj, Resource.Path(invocation.Namespace), new GoQuery()
            .AddIf(dryRun == DryRun.Server, "dryRun", "All")
            .AddIf(invocation.Flags.String("field-manager").Length > 0, "fieldManager", invocation.Flags.String("field-manager"))
            .Add("fieldValidation", validation));
        invocation.Out(Print(invocation, created, dryRun));
        return 0;
    }

    protected virtual string Print(Invocation invocation, JsonObject created, DryRun dryRun) =>
        ResultPrinter.Print(invocation, created, WriteFlags.Operation("created", dryRun), typed: true);

    /// <summary>POSTs the object in protobuf, as the typed client does, and returns the server's answer.</summary>
    protected async Task<JsonObject> PostAsync(Invocation invocation, JsonObject obj, string path, GoQuery query, string caller = "type.go:252")
    {
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Post, path)
        {
            Query = query.Encode(),
            Accept = KubeRequest.ProtobufAccept,
            ContentType = KubeRequest.ProtobufContentType,
            Body = ProtobufBody.Encode(obj, Resource.ClrType),
            Caller = caller,
        }, invocation.Cancellation);
        if (response.IsSuccess) return response.Json();
        var error = KubectlError.FromStatus(response.Status());
        throw new KubectlException(ErrorPrefix is { } prefix ? error.Wrapped(prefix) : error);
    }

    /// <summary>The namespace a generator writes into the object: only one given with <c>-n</c> (EnforceNamespace).</summary>
    protected static string? EnforcedNamespace(Invocation invocation) => invocation.Config.NamespaceFromFlag ? invocation.Namespace : null;

    /// <summary>A new object's JSON: kind, apiVersion and metadata with the name (and the enforced namespace).</summary>
    protected JsonObject NewObject(Invocation invocation, string name, JsonObject? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (Resource.Namespaced && EnforcedNamespace(invocation) is { } ns) metadata["namespace"] = ns;
        metadata["creationTimestamp"] = null;
        if (labels is not null) metadata["labels"] = labels;
        return new JsonObject { ["kind"] = Resource.Kind, ["apiVersion"] = Resource.ApiVersion, ["metadata"] = metadata };
    }
}
