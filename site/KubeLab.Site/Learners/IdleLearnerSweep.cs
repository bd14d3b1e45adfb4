using Microsoft.Extensions.Options;

namespace KubeLab.Site.Learners;

/// <summary>Discards idle learners' clusters in the background, every <see cref="LearnerOptions.SweepInterval"/> of the site's clock.</summary>
public sealed class IdleLearnerSweep(LearnerClusters clusters, TimeProvider clock, IOptions<LearnerOptions> options, ILogger<IdleLearnerSweep> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await clusters.DiscardIdleAsync();
                }
                catch (Exception e)
                {
                    log.LogError(e, "Discarding idle learner clusters failed; trying again at the next sweep");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping; the registry disposes what is left.
        }
    }
}
