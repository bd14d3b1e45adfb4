using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Operations;

/// <summary>
/// The probes: <c>/healthz/live</c> (the process serves and its idle sweep still turns: restart it if not) and
/// <c>/healthz/ready</c> (lessons loaded, not shutting down, below the session cap: send it new learners). Each
/// answers 200 or 503 with a line of plain text per check, and never an exception's details.
/// </summary>
/// <remarks>
/// A full replica is not ready on purpose: the load balancer then sends new learners to a replica with room, while
/// the learners it holds keep their circuits (open WebSockets are not cut when an endpoint leaves a Service) and are
/// still admitted if they reach it (<see cref="SessionGate"/>). With one replica, or all full, the learner gets the
/// "full" page either way.
/// </remarks>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    private const string Live = "live";
    private const string Ready = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SweepCheck>("idle-sweep", tags: [Live])
            .AddCheck<LessonsCheck>("lessons", tags: [Ready])
            .AddCheck<AdmissionCheck>("sessions", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, Options(Live));
        endpoints.MapHealthChecks(ReadyPath, Options(Ready));
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WritePlainText,
    };

    /// <summary><c>ok</c>, or one line per check that failed: its name and why (an exception's message only, never its trace).</summary>
    private static Task WritePlainText(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        var text = failed.Count == 0 ? "ok\n"
            : string.Concat(failed.Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message ?? e.Value.Status.ToString()}\n"));
        return http.Response.WriteAsync(text);
    }

    /// <summary>Live while the idle sweep runs and has finished a sweep within three of its intervals (a hung sweep stops beating).</summary>
    private sealed class SweepCheck(IdleLearnerSweep sweep, TimeProvider clock, IOptions<LearnerOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var allowed = options.Value.SweepInterval * 3;
            return Task.FromResult(
                !sweep.Running ? HealthCheckResult.Unhealthy("the idle sweep is not running")
                : sweep.LastSwept is not { } last ? HealthCheckResult.Unhealthy("the idle sweep has not started")
                : clock.GetUtcNow() - last > allowed ? HealthCheckResult.Unhealthy($"the idle sweep has not finished a sweep since {last:O} (more than {allowed})")
                : HealthCheckResult.Healthy());
        }
    }

    private sealed class LessonsCheck(LessonLibrary library) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(library.Lessons.Count > 0 ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(library.Folder is null ? "no lessons folder was found" : $"no lesson loaded from {library.Folder}"));
    }

    private sealed class AdmissionCheck(SessionGate gate) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(gate.Draining ? HealthCheckResult.Unhealthy("shutting down")
                : gate.Count is var count && count >= gate.MaxSessions ? HealthCheckResult.Unhealthy($"full: {count} sessions of {gate.MaxSessions}")
                : HealthCheckResult.Healthy());
    }
}
