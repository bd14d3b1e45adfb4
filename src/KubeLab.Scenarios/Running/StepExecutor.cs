using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Running;

/// <summary>
/// Runs one step: its action, then lets the cluster settle, then reads what happened — the exchanges,
/// the objects that changed, the checks, the captures — into a <see cref="StepTranscript"/>.
/// </summary>
internal sealed partial class StepExecutor(ClientEnvironment environment, AdminClient admin, LessonTime time,
    IReadOnlyDictionary<string, IClientCommand> clients, Dictionary<string, string> captures)
{
    private readonly ObjectReader _objects = new(environment.Cluster, () => CurrentNamespace(environment));

    public async Task<StepTranscript> RunAsync(int number, Step step, CancellationToken cancellationToken)
    {
        var cluster = environment.Cluster;
        var before = ClusterState.Read(cluster);
        var from = cluster.Api.Exchanges.LastSequence;
        var output = new CommandOutput();
        var command = string.Concat(step.Env.Select(v => $"{v.Name}={ShellWord(v.Value)} ")) + Describe(step.Action);
        int? exit = null;
        string? error = null;
        try
        {
            exit = await ExecuteAsync(step, output, cancellationToken);
        }
        catch (StepFailure failure)
        {
            error = failure.Message;
        }
        await time.SettleAsync(cancellationToken);
        await ResponsesStartedAsync(from, cancellationToken);

        var all = cluster.Api.Exchanges.Since(from).Select(ExchangeRecord.From).ToList();
        var mine = all.Where(e => IsStepClient(step.Action, e)).ToList();
        var theirs = all.Where(e => !IsStepClient(step.Action, e)).ToList();
        var stdout = output.Stdout.ToString();
        var stderr = output.Stderr.ToString();
        var outcome = new StepOutcome(exit, stdout, stderr, mine, step.Action is KubectlAction or CurlAction && step.Background is null);
        var checks = error is null ? new ExpectationChecker(_objects).Check(Substitute(step.Expect), outcome) : [];
        if (error is null) error = Capture(step.Captures, outcome);
        return new StepTranscript(number, step.Title, step.Narration, NarrationRenderer.ToHtml(step.Narration), command, stdout, stderr, exit,
            mine, theirs, ClusterState.Changes(before, ClusterState.Read(cluster)), checks, error);
    }

    /// <summary>
    /// A request the client has let go of may still be finishing on the server; its status line and headers are
    /// what the transcript needs, so wait (briefly, in real time) until every exchange of the step has them.
    /// </summary>
    private async Task ResponsesStartedAsync(long from, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (environment.Cluster.Api.Exchanges.Since(from).Any(e => e.StatusCode == 0) && DateTime.UtcNow < deadline)
            await Task.Delay(5, cancellationToken);
    }

    /// <summary>The command running in a background terminal, or null when no terminal has that name.</summary>
    public BackgroundCommand? Background(string terminal) => environment.Background.GetValueOrDefault(terminal);

    public async Task StopAllAsync()
    {
        foreach (var terminal in environment.Background.Values.ToList())
        {
            await terminal.Stop.CancelAsync();
            await EndsWithinAsync(terminal.Completion, TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        environment.Background.Clear();
    }

    private string Substitute(string text) => Variables.Substitute(text, name => captures.GetValueOrDefault(name));

    /// <summary>A step's own requests: everything but the cluster's components and, except in apply steps, the lesson's hand.</summary>
    private static bool IsStepClient(StepAction action, ExchangeRecord exchange)
    {
        var agent = exchange.RequestHeaders.FirstOrDefault(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value ?? "";
        if (agent.StartsWith(AdminClient.UserAgent, StringComparison.Ordinal)) return action is ApplyAction;
        return !ClusterComponents.Any(prefix => agent.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static readonly string[] ClusterComponents = ["kube-controller-manager/", "kube-scheduler/", "kubelet/"];

    internal static string CurrentNamespace(ClientEnvironment environment)
    {
        var config = environment.Kubeconfig;
        return config.Contexts.FirstOrDefault(c => c.Name == config.CurrentContext)?.Namespace ?? "default";
    }
}

/// <summary>A step could not be carried out (as opposed to a check that did not hold).</summary>
internal sealed class StepFailure(string message) : Exception(message);
