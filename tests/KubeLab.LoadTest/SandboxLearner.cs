using KubeLab.Site.Learners;

namespace KubeLab.LoadTest;

/// <summary>
/// A learner in the sandbox: the page leases the learner's cluster (<see cref="LearnerClusters.OpenAsync"/>), and each
/// submitted command line goes to <see cref="LearnerCluster.RunAsync"/>. Commands cycle through a read, a create, a
/// read of what was created and a curl, each deployment under a new name.
/// </summary>
internal sealed class SandboxLearner(SiteUnderLoad site, int steps) : Learner
{
    private LearnerLease? _lease;

    public override string Kind => SandboxKind;

    public override int StepCount => steps;

    public static string Command(int step)
    {
        var name = $"web-{(step - 1) / 4}";
        return ((step - 1) % 4) switch
        {
            0 => "kubectl get pods",
            1 => $"kubectl create deployment {name} --image=nginx",
            2 => $"kubectl get deploy {name} -o yaml",
            _ => "curl -k ${server}/api",
        };
    }

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        var learner = await site.VisitAsync("/sandbox", cancellationToken);
        _lease = await site.Clusters.OpenAsync(learner, cancellationToken);
    }

    public override async Task StepAsync(int step, CancellationToken cancellationToken)
    {
        var line = Command(step);
        var entry = await _lease!.Cluster.RunAsync(line) ?? throw new StepFailedException($"`{line}` gave no entry");
        if (entry.Errors.Count > 0) throw new StepFailedException($"`{line}` did not run: {entry.Errors[0].Message}");
        if (entry.View?.Step is not { ExitCode: 0 }) throw new StepFailedException($"`{line}` exited {entry.View?.Step?.ExitCode}: {entry.View?.Step?.Stderr}");
    }

    public override ValueTask DisposeAsync()
    {
        _lease?.Dispose();
        return ValueTask.CompletedTask;
    }
}
