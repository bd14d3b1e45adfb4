using KubeLab.Scenarios.Catalog;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using KubeLab.Site.Operations;

namespace KubeLab.Site.Lessons;

/// <summary>Opens a learner's session of a lesson: a run of its own, with the emulated clients lessons use.</summary>
public sealed class LessonSessions(LessonLibrary library, SessionGate gate)
{
    /// <summary>Each cluster a lesson session starts, to observe its API server (metrics).</summary>
    public event Action<ControlPlane.Cluster>? Started;

    /// <summary>Null when no lesson has that id.</summary>
    /// <param name="learner">Who opens it (null: a browser without the site's cookie), for the session count.</param>
    /// <exception cref="SiteFullException">The site admits no new learner (<see cref="SessionGate"/>).</exception>
    public LessonSession? Open(string id, string? learner) =>
        library.Find(id) is { } scenario
            ? new LessonSession(scenario, new ScenarioRunner(EmulatedClients.Create()), gate.Open(learner, SessionKind.Lesson), c => Started?.Invoke(c))
            : null;
}

public static class LessonServices
{
    /// <summary>The setting naming the lessons folder (<c>--Lessons path</c>, or <c>Lessons</c> in appsettings.json).</summary>
    public const string FolderSetting = "Lessons";

    public static IServiceCollection AddLessons(this IServiceCollection services)
    {
        // Read when first needed, so settings a host adds after Program's first lines (a test host) count too.
        services.AddSingleton(provider => new LessonLibrary(
            provider.GetRequiredService<IConfiguration>()[FolderSetting] is { Length: > 0 } folder ? folder : LessonFolder.Find()));
        services.AddSingleton<LessonSessions>();
        return services;
    }
}
