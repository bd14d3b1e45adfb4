using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary><c>kubectl create namespace NAME</c>.</summary>
internal sealed class CreateNamespace : GeneratorCommand
{
    public override string Name => "namespace";
    public override IReadOnlyList<string> Aliases => ["ns"];
    protected override TypedResource Resource => TypedResource.Namespaces;

    protected override void AddGeneratorFlags(FlagSet flags) { }

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string name)
    {
        var ns = NewObject(invocation, name);
        ns["spec"] = new JsonObject();
        ns["status"] = new JsonObject();
        return Task.FromResult(ns);
    }
}

/// <summary><c>kubectl create serviceaccount NAME</c>.</summary>
internal sealed class CreateServiceAccount : GeneratorCommand
{
    public override string Name => "serviceaccount";
    public override IReadOnlyList<string> Aliases => ["sa"];
    protected override TypedResource Resource => TypedResource.ServiceAccounts;
    protected override string ErrorPrefix => "failed to create serviceaccount: ";

    protected override void AddGeneratorFlags(FlagSet flags) { }

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string name) => Task.FromResult(NewObject(invocation, name));
}
