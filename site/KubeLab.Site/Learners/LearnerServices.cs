namespace KubeLab.Site.Learners;

public static class LearnerServices
{
    /// <summary>The learners' clusters and the sweep that discards idle ones (configured by section <c>Learners</c>).</summary>
    public static IServiceCollection AddLearners(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LearnerOptions>(configuration.GetSection(LearnerOptions.Section));
        services.AddSingleton<LearnerClusters>();
        // One instance, both the hosted service and what the liveness probe reads.
        services.AddSingleton<IdleLearnerSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleLearnerSweep>());
        return services;
    }
}
