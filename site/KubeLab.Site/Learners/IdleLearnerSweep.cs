using Microsoft.Extensions.Options;

namespace KubeLab.Site.Learners;

/// <summary>
/// Discards idle learners' clusters in the background, every <see cref="LearnerOptions.SweepInterval"/> of the site's
/// clock. Each sweep that ends is a heartbeat (<see cref="LastSwept"/>): the liveness probe reads it.
/// </summary>
public sealed class IdleLearnerSweep(LearnerClusters clusters, TimeProvider clock, IOptions<LearnerOptions> options, ILogger<IdleLearnerSweep> log)
    : BackgroundService
{
    private long _lastSwept = long.MinValue;

    /// <summary>When the loop last finished a sweep (or started); null before it starts.</summary>
    public DateTimeOffset? LastSwept =>
        Interlocked.Read(ref _lastSwept) is var ticks && ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    /// <summary>True while the loop runs: started, and neither ended nor faulted.</summary>
    public bool Running => ExecuteTask is { IsCompleted: false };

    private void Beat() => Interlocked.Exchange(ref _lastSwept, clock.GetUtcNow().UtcTicks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        Beat();
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
                Beat();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping; the registry disposes what is left.
        }
    }
}
