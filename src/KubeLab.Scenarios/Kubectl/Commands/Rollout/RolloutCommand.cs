namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary><c>kubectl rollout</c>: its subcommands, for deployments (the workload kind KubeLab serves).</summary>
internal sealed class RolloutCommand : CommandDefinition
{
    public override string Name => "rollout";

    // kubectl's order.
    public override IReadOnlyList<CommandDefinition> Subcommands { get; } =
        [new RolloutHistory(), new RolloutPause(), new RolloutResume(), new RolloutUndo(), new RolloutStatus(), new RolloutRestart()];

    public override Task<int> RunAsync(Invocation invocation) =>
        throw KubectlException.Raw("error: a rollout subcommand is required (history, pause, resume, undo, status or restart)\n");
}
