using KubeLab.Site.Learners;
using Microsoft.AspNetCore.Components.Endpoints;

namespace KubeLab.Site.Operations;

/// <summary>
/// What a new learner gets from a replica that admits no one new (<see cref="SessionGate"/>): a 503 with Retry-After and
/// a small page that says so, served before any page renders or any circuit starts (both cost the memory a full
/// replica lacks), and the same while the site shuts down.
/// </summary>
public static class SiteFullPage
{
    /// <summary>Seconds a browser or a crawler is asked to wait: about how long sessions take to end, or a replica to restart.</summary>
    public const int RetryAfterSeconds = 120;

    /// <summary>Turns away page requests of learners the gate does not admit (after the learner cookie, which names them).</summary>
    public static IApplicationBuilder UseSessionGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Not an error page re-executed for another request (a missing favicon's "not found"): the page itself was let through or refused already.
        var page = http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null;
        var gate = http.RequestServices.GetRequiredService<SessionGate>();
        if (page && !gate.Admits(LearnerCookie.Of(http)))
        {
            http.RequestServices.GetRequiredService<SiteMetrics>().Refused();
            await Result(new SiteFullException(gate.Draining)).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    /// <summary>The 503 page for <paramref name="refused"/>.</summary>
    public static IResult Result(SiteFullException refused) => new Page(refused.Message);

    private sealed class Page(string message) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync($$"""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1.0">
                <meta name="color-scheme" content="light dark">
                <link rel="icon" href="data:,">
                <title>Try again soon · KubeLab</title>
                <style>body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; }</style>
                </head>
                <body>
                <main>
                <h1>{{System.Net.WebUtility.HtmlEncode(message)}}</h1>
                <p>Every learner here has a simulated cluster of their own, and this server holds as many as it can. Your
                place is not kept: <a href="">reload this page</a> in a few minutes.</p>
                </main>
                </body>
                </html>
                """);
        }
    }
}
